import type pg from 'pg';
import { BatchInsert } from './batch-insert.js';

/**
 * The plaintext twin of the contacts: schema `bench_plain`, which the product never reads.
 * `bench_plain.contacts` holds the same rows as `public.contacts` (same ids, branches, owners,
 * tags, times, same indexes and foreign keys) with the personal fields in clear, and without
 * what only encryption needs: no blind index of the email, no search digests, no data keys.
 * The baseline's twin routes (bench/baseline/plain.ts) read and write it, so the bench can say
 * what per-subject encryption and blind search cost (`npm run bench`, "The cost of privacy").
 */
export const PLAIN_SCHEMA = 'bench_plain';

/** Encrypted columns of public.contacts and their plaintext twins, in the table's order. */
const PLAIN_COLUMNS: Record<string, { name: string; type: string }> = {
  full_name_enc: { name: 'full_name', type: 'text' },
  email_enc: { name: 'email', type: 'text' },
  phone_enc: { name: 'phone', type: 'text' },
  job_title_enc: { name: 'job_title', type: 'text' },
  // `json`, not `jsonb`: the text as written, keys in their order, as the product's JSON answers them.
  address_enc: { name: 'address', type: 'json' },
  notes_enc: { name: 'notes', type: 'text' },
};
/** Columns that exist only because the fields are encrypted. */
const ENCRYPTION_ONLY = ['email_index', 'search_tokens'];

export interface PlainContact {
  fullName: string;
  email: string | null;
  phone: string | null;
  jobTitle: string | null;
  address: object | null;
  notes: string | null;
}

/** A fresh schema, and the table the contacts' plaintext goes into while they are generated. */
export async function createPlainSchema(db: pg.Pool): Promise<void> {
  await db.query(`DROP SCHEMA IF EXISTS ${PLAIN_SCHEMA} CASCADE`);
  await db.query(`CREATE SCHEMA ${PLAIN_SCHEMA}`);
  await db.query(
    `CREATE TABLE ${PLAIN_SCHEMA}.contact_values (id uuid PRIMARY KEY, full_name text NOT NULL, email text,
       phone text, job_title text, address json, notes text)`,
  );
}

/** Takes each contact's plaintext as the seed seals it (same values, null where the product stores none). */
export class PlainValues {
  private readonly rows: BatchInsert<'id' | 'full_name' | 'email' | 'phone' | 'job_title' | 'address' | 'notes'>;

  constructor(db: pg.Pool) {
    this.rows = new BatchInsert(db, `${PLAIN_SCHEMA}.contact_values`, {
      id: 'uuid',
      full_name: 'text',
      email: 'text',
      phone: 'text',
      job_title: 'text',
      address: 'json',
      notes: 'text',
    });
  }

  push(id: string, details: PlainContact): Promise<void> {
    // As RecordCipher.seal and sealJson: an empty text or an address with nothing in it is no value.
    const text = (value: string | null) => (value == null || value === '' ? null : value);
    const present = details.address && Object.values(details.address).some((part) => part != null && part !== '');
    return this.rows.push({
      id,
      full_name: details.fullName,
      email: text(details.email),
      phone: text(details.phone),
      job_title: text(details.jobTitle),
      address: present ? JSON.stringify(details.address) : null,
      notes: text(details.notes),
    });
  }

  close(): Promise<number> {
    return this.rows.close();
  }
}

/**
 * Builds `bench_plain.contacts` once public.contacts is complete (communications set
 * `last_activity_at`): its columns in public.contacts' order with each encrypted column
 * replaced by its plaintext, filled by one join, then public.contacts' indexes and
 * constraints (read from the catalog) except those of the encryption-only columns. Also an
 * empty `bench_plain.crm_activity` like the product's, for the twin's creates.
 */
export async function buildPlainContacts(db: pg.Pool): Promise<{ contacts: number; indexes: number }> {
  const { rows: columns } = await db.query<{ name: string; type: string; notNull: boolean; fallback: string | null }>(
    `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS "notNull",
            pg_get_expr(d.adbin, d.adrelid) AS fallback
       FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE a.attrelid = 'public.contacts'::regclass AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY a.attnum`,
  );
  const kept = columns.filter((column) => !ENCRYPTION_ONLY.includes(column.name));
  const definitions = kept.map((column) => {
    const plain = PLAIN_COLUMNS[column.name];
    if (plain) return `"${plain.name}" ${plain.type}${column.notNull ? ' NOT NULL' : ''}`;
    return `"${column.name}" ${column.type}${column.fallback ? ` DEFAULT ${column.fallback}` : ''}${column.notNull ? ' NOT NULL' : ''}`;
  });
  await db.query(`CREATE TABLE ${PLAIN_SCHEMA}.contacts (${definitions.join(', ')})`);
  const targets = kept.map((column) => `"${PLAIN_COLUMNS[column.name]?.name ?? column.name}"`);
  const sources = kept.map((column) =>
    PLAIN_COLUMNS[column.name] ? `v."${PLAIN_COLUMNS[column.name].name}"` : `c."${column.name}"`,
  );
  const inserted = await db.query(
    `INSERT INTO ${PLAIN_SCHEMA}.contacts (${targets.join(', ')})
     SELECT ${sources.join(', ')} FROM public.contacts c JOIN ${PLAIN_SCHEMA}.contact_values v ON v.id = c.id`,
  );
  const mentionsEncryptionOnly = (definition: string) => ENCRYPTION_ONLY.some((name) => definition.includes(name));
  // Constraints first (the primary key brings its index), then the other indexes, verbatim but for the table.
  const { rows: constraints } = await db.query<{ name: string; definition: string; index: string | null }>(
    `SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint
      WHERE conrelid = 'public.contacts'::regclass ORDER BY contype DESC, conname`,
  );
  for (const constraint of constraints.filter((row) => !mentionsEncryptionOnly(row.definition))) {
    await db.query(`ALTER TABLE ${PLAIN_SCHEMA}.contacts ADD CONSTRAINT "${constraint.name}" ${constraint.definition}`);
  }
  const { rows: indexes } = await db.query<{ definition: string }>(
    `SELECT pg_get_indexdef(i.indexrelid) AS definition FROM pg_index i
      WHERE i.indrelid = 'public.contacts'::regclass
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
  );
  const built = indexes.filter((row) => !mentionsEncryptionOnly(row.definition));
  for (const index of built) {
    await db.query(index.definition.replace(' ON public.contacts ', ` ON ${PLAIN_SCHEMA}.contacts `));
  }
  await db.query(`DROP TABLE ${PLAIN_SCHEMA}.contact_values`);
  await db.query(`CREATE TABLE ${PLAIN_SCHEMA}.crm_activity (LIKE public.crm_activity INCLUDING ALL)`);
  return { contacts: inserted.rowCount ?? 0, indexes: built.length };
}
