/**
 * The answers the API guide shows after a command (`# → 201 { "id": "…", "kind": "company" }`),
 * read as a pattern the real answer must match:
 *
 * - an optional status first (`201`); without one, any 2xx;
 * - then JSON with `…` for what varies: `…` alone is any value; in an object (`{ "id": …, … }`)
 *   it admits further keys, which are otherwise refused; at the end of an array (`[{ … }, …]`)
 *   further items, otherwise the array has exactly the items shown;
 * - a string with `…` in it matches strings with the same text around it (`"stw_…"` any
 *   string starting `stw_`); a string shaped like a UUID or an ISO timestamp stands for any
 *   UUID or timestamp, since those differ on every run; other strings, numbers, booleans
 *   and null must be equal;
 * - whatever follows the JSON is prose for the reader (`(404 once used)`) and is not checked.
 */
export type Sketch =
  | { kind: 'any' }
  | { kind: 'literal'; value: string | number | boolean | null }
  | { kind: 'pattern'; parts: string[] }
  | { kind: 'uuid' }
  | { kind: 'timestamp' }
  | { kind: 'object'; entries: [string, Sketch][]; open: boolean }
  | { kind: 'array'; items: Sketch[]; open: boolean };

export interface Expectation {
  /** The exact status shown, or undefined: any 2xx. */
  status?: number;
  /** The body shown, or undefined: not checked. */
  body?: Sketch;
}

const ELLIPSIS = '…';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses what follows `→` in the guide. Throws on a sketch that is not well formed. */
export function parseExpectation(text: string): Expectation {
  const status = /^\s*(\d{3})\b/.exec(text);
  const rest = status ? text.slice(status[0].length) : text;
  const start = rest.search(/\S/);
  const expectation: Expectation = status ? { status: Number(status[1]) } : {};
  // Only JSON is a sketch; words after a status ("→ 204", "→ 202 with no body") are prose.
  if (start >= 0 && '{["'.includes(rest[start])) {
    expectation.body = new SketchParser(rest.slice(start)).value();
  }
  return expectation;
}

class SketchParser {
  private at = 0;

  constructor(private readonly text: string) {}

  value(): Sketch {
    this.skip();
    const char = this.text[this.at];
    if (char === '{') return this.object();
    if (char === '[') return this.array();
    if (char === '"') return this.string();
    if (char === ELLIPSIS) {
      this.at++;
      return { kind: 'any' };
    }
    const word = /^(-?\d+(\.\d+)?|true|false|null)/.exec(this.text.slice(this.at));
    if (!word) throw new Error(`Cannot read the answer shown at "${this.text.slice(this.at, this.at + 30)}"`);
    this.at += word[0].length;
    return { kind: 'literal', value: JSON.parse(word[0]) };
  }

  private object(): Sketch {
    this.at++;
    const entries: [string, Sketch][] = [];
    let open = false;
    while (!this.consume('}')) {
      if (this.consume(ELLIPSIS)) open = true;
      else {
        const key = this.string();
        if (key.kind !== 'literal') throw new Error('An object key in an answer shown must be plain text');
        this.expect(':');
        entries.push([String(key.value), this.value()]);
      }
      if (!this.consume(',')) {
        this.expect('}');
        break;
      }
    }
    return { kind: 'object', entries, open };
  }

  private array(): Sketch {
    this.at++;
    const items: Sketch[] = [];
    let open = false;
    while (!this.consume(']')) {
      if (this.consume(ELLIPSIS)) open = true;
      else items.push(this.value());
      if (!this.consume(',')) {
        this.expect(']');
        break;
      }
    }
    return { kind: 'array', items, open };
  }

  private string(): Sketch {
    this.skip();
    const match = /^"((?:[^"\\]|\\.)*)"/.exec(this.text.slice(this.at));
    if (!match) throw new Error(`Expected a string in the answer shown at "${this.text.slice(this.at, this.at + 30)}"`);
    this.at += match[0].length;
    const value: string = JSON.parse(match[0]);
    if (value.includes(ELLIPSIS)) return { kind: 'pattern', parts: value.split(ELLIPSIS) };
    if (UUID.test(value)) return { kind: 'uuid' };
    if (TIMESTAMP.test(value)) return { kind: 'timestamp' };
    return { kind: 'literal', value };
  }

  private skip(): void {
    while (/\s/.test(this.text[this.at] ?? '')) this.at++;
  }

  private consume(token: string): boolean {
    this.skip();
    if (this.text.startsWith(token, this.at)) {
      this.at += token.length;
      return true;
    }
    return false;
  }

  private expect(token: string): void {
    if (!this.consume(token)) {
      throw new Error(`Expected "${token}" in the answer shown at "${this.text.slice(this.at, this.at + 30)}"`);
    }
  }
}

/** How the actual value differs from the sketch: one line per difference, empty when it matches. */
export function mismatches(sketch: Sketch, actual: unknown, path = '$'): string[] {
  const show = (value: unknown) => JSON.stringify(value)?.slice(0, 120);
  switch (sketch.kind) {
    case 'any':
      return [];
    case 'literal':
      return actual === sketch.value ? [] : [`${path}: expected ${show(sketch.value)}, got ${show(actual)}`];
    case 'uuid':
      return typeof actual === 'string' && UUID.test(actual) ? [] : [`${path}: expected a UUID, got ${show(actual)}`];
    case 'timestamp':
      return typeof actual === 'string' && TIMESTAMP.test(actual)
        ? []
        : [`${path}: expected an ISO timestamp, got ${show(actual)}`];
    case 'pattern':
      return typeof actual === 'string' && matchesPattern(sketch.parts, actual)
        ? []
        : [`${path}: expected a string like "${sketch.parts.join(ELLIPSIS)}", got ${show(actual)}`];
    case 'array': {
      if (!Array.isArray(actual)) return [`${path}: expected an array, got ${show(actual)}`];
      const sizeWrong = sketch.open ? actual.length < sketch.items.length : actual.length !== sketch.items.length;
      if (sizeWrong) {
        const wanted = `${sketch.open ? 'at least ' : ''}${sketch.items.length}`;
        return [`${path}: expected ${wanted} items, got ${actual.length}: ${show(actual)}`];
      }
      return sketch.items.flatMap((item, index) => mismatches(item, actual[index], `${path}[${index}]`));
    }
    case 'object': {
      if (!actual || typeof actual !== 'object' || Array.isArray(actual)) {
        return [`${path}: expected an object, got ${show(actual)}`];
      }
      const record = actual as Record<string, unknown>;
      const shown = new Set(sketch.entries.map(([key]) => key));
      const extra = sketch.open ? [] : Object.keys(record).filter((key) => !shown.has(key));
      return [
        ...sketch.entries.flatMap(([key, value]) =>
          key in record ? mismatches(value, record[key], `${path}.${key}`) : [`${path}.${key}: missing`],
        ),
        ...(extra.length ? [`${path}: not shown in the guide: ${extra.join(', ')} (add them, or "…")`] : []),
      ];
    }
  }
}

function matchesPattern(parts: string[], actual: string): boolean {
  const [first, ...others] = parts;
  if (!actual.startsWith(first)) return false;
  let at = first.length;
  for (const [index, part] of others.entries()) {
    if (index === others.length - 1) return actual.length - part.length >= at && actual.endsWith(part);
    const found = actual.indexOf(part, at);
    if (found < 0) return false;
    at = found + part.length;
  }
  return true;
}
