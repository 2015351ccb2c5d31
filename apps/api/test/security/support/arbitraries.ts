import fc from 'fast-check';
import { resolveSchema, type Schema } from './openapi.js';

/** Text that has broken servers: SQL, script, NUL, lone surrogates, direction marks, sizes. */
export const NASTY_STRINGS: Array<[label: string, value: string]> = [
  ['sql', "' OR '1'='1"],
  ['sql', "'; DROP TABLE clients; --"],
  ['sql', '1 UNION SELECT password_hash FROM users--'],
  ['sql', "%' AND pg_sleep(2) AND '%'='"],
  ['sql', '\\'],
  ['script', '<script>alert(1)</script>'],
  ['script', '"><img src=x onerror=alert(1)>'],
  ['script', '{{constructor.constructor("return process")()}}'],
  ['nul', 'before\u0000after'],
  ['nul', '\u0000'],
  ['lone-surrogate', '\ud800'],
  ['lone-surrogate', 'a\udfffb'],
  ['lone-surrogate', 'x\ud83d'],
  ['unicode', '\u202eevil\u202c'],
  ['unicode', '😀👨‍👩‍👧‍👦'],
  ['unicode', 'Z̴̡̛̙a̷l̸g̶o'],
  ['unicode', '\ufeff\u200b\u00a0'],
  ['control', '\r\n\t\u0007\u001b[31m'],
  ['path', '../../../../etc/passwd'],
  ['format', '%s%n%x%d'],
  ['huge', 'A'.repeat(70_000)],
  ['empty', ''],
];

/** A nasty value of any type, labelled with what makes it nasty. */
export const nastyValue: fc.Arbitrary<[string, unknown]> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...NASTY_STRINGS.filter(([label]) => label !== 'huge')), fc.string({ maxLength: 8 }))
      .map(([[label, nasty], text]): [string, unknown] => [`${label} inside text`, `${text}${nasty}${text}`]),
  },
  {
    weight: 1,
    arbitrary: fc.string({ unit: 'binary', maxLength: 40 }).map((s): [string, unknown] => ['random unicode', s]),
  },
  {
    weight: 3,
    arbitrary: fc
      .oneof(
        fc.integer(),
        fc.double(),
        fc.constantFrom(Number.MAX_SAFE_INTEGER * 8, -1, 0, 1e308, -0),
        fc.boolean(),
        fc.constant(null),
        fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
        fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
      )
      .map((value): [string, unknown] => ['wrong type', value]),
  },
  { weight: 1, arbitrary: fc.integer({ min: 200, max: 3000 }).map((n): [string, unknown] => ['nested', nested(n)]) },
);

/** JSON arrays nested n deep. */
export function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/**
 * Values the schema accepts as far as types and bounds go (ids may name our real records,
 * so a write can reach the database): the base that mutations then break one field at a time.
 */
export function validValue(schema: Schema, ids: Record<string, string[]>, name = '', depth = 0): fc.Arbitrary<unknown> {
  const s = resolveSchema(schema);
  const known = ids[name];
  if (s.enum?.length) return fc.constantFrom(...s.enum);
  switch (s.type) {
    case 'string': {
      if (s.format === 'uuid') return known ? fc.oneof(fc.constantFrom(...known), fc.uuid()) : fc.uuid();
      if (s.format === 'email') return fc.emailAddress().filter((email) => email.length <= (s.maxLength ?? 254));
      if (s.format === 'date-time' || s.example === '2030-05-31T09:00:00Z') {
        return fc.constantFrom('2030-05-31T09:00:00Z', '2030-05-31T10:30:00Z');
      }
      if (s.format === 'date') return fc.constantFrom('2030-05-31', '2026-01-15');
      if (typeof s.example === 'string') return fc.constant(s.example);
      const min = s.minLength ?? 0;
      const max = Math.min(s.maxLength ?? 40, min + 40);
      return fc.string({ minLength: Math.max(min, 1), maxLength: Math.max(max, min, 1) });
    }
    case 'integer':
    case 'number':
      if (typeof s.example === 'number') return fc.constant(s.example);
      return fc.integer({ min: s.minimum ?? 0, max: Math.min(s.maximum ?? 1000, (s.minimum ?? 0) + 1000) });
    case 'boolean':
      return fc.boolean();
    case 'array':
      if (!s.items || depth > 4) return fc.constant([]);
      if (known) return fc.subarray(known, { minLength: Math.min(1, known.length) });
      return fc.array(validValue(s.items, ids, name, depth + 1), {
        minLength: s.minItems ?? 0,
        maxLength: Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 3, 3)),
      });
    default: {
      if (depth > 5) return fc.constant({});
      const required = new Set(s.required ?? []);
      const properties = Object.entries(s.properties ?? {});
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, property] of properties) record[key] = validValue(property, ids, key, depth + 1);
      return fc.record(record, { requiredKeys: properties.map(([key]) => key).filter((key) => required.has(key)) });
    }
  }
}
