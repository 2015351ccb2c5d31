/**
 * The product's SQL, statement for statement. Captured from the running API (every
 * statement it sends through `pg`, see bench/run/capture-sql.ts) and written here so the
 * baseline sends byte-identical text: `npm run bench` re-captures both servers on every
 * run and refuses to report a scenario whose statements differ (bench/run/parity.ts).
 *
 * TypeORM names selected columns `"<alias>"."<column>" AS "<alias>_<column>"`; the lists
 * below are the entities' columns in TypeORM's order (inherited columns first).
 */

const aliased = (alias: string, columns: readonly string[]) =>
  columns.map((column) => `"${alias}"."${column}" AS "${alias}_${column}"`).join(', ');

const VERSIONED = ['created_at', 'updated_at', 'version'] as const;

export const CONTACT_COLUMNS = [
  ...VERSIONED,
  'id',
  'organization_id',
  'branch_id',
  'client_id',
  'full_name_enc',
  'email_enc',
  'email_index',
  'phone_enc',
  'job_title_enc',
  'address_enc',
  'notes_enc',
  'tags',
  'owner_id',
  'last_activity_at',
  'restricted_at',
] as const;

export const COMMUNICATION_COLUMNS = [
  ...VERSIONED,
  'id',
  'organization_id',
  'branch_id',
  'client_id',
  'contact_id',
  'kind',
  'direction',
  'occurred_at',
  'duration_minutes',
  'author_id',
  'api_key_id',
  'subject_enc',
  'body_enc',
] as const;

const USER_COLUMNS = [
  ...VERSIONED,
  'id',
  'organization_id',
  'role',
  'branch_ids',
  'state',
  'email_index',
  'email_enc',
  'full_name_enc',
  'phone_enc',
  'job_title_enc',
  'company_enc',
  'preferences',
  'age_confirmed_at',
  'email_verified_at',
  'password_hash',
  'last_sign_in_at',
  'mfa_secret_enc',
  'mfa_enabled_at',
  'mfa_last_time_step',
  'mfa_recovery_hashes',
  'restricted_at',
] as const;

export const JOB_COLUMNS = [
  ...VERSIONED,
  'id',
  'organization_id',
  'branch_id',
  'number',
  'client_id',
  'title_enc',
  'site_address_enc',
  'description_enc',
  'status',
  'priority',
  'assigned_user_ids',
  'due_on',
  'completed_at',
] as const;

const API_KEY_COLUMNS = [
  ...VERSIONED,
  'id',
  'organization_id',
  'name',
  'prefix',
  'secret_hash',
  'scopes',
  'created_by_user_id',
  'expires_at',
  'last_used_at',
  'last_used_ip',
  'revoked_at',
] as const;

const BRANCH_COLUMNS = [...VERSIONED, 'id', 'organization_id', 'name'] as const;
const SUBJECT_KEY_COLUMNS = ['subject_id', 'wrapped_key', 'master_key_fingerprint', 'created_at', 'destroyed_at'];

/** `findOneBy({ organizationId, id })` of a tenant-owned entity. */
const findInOrganization = (entity: string, table: string, columns: readonly string[]) =>
  `SELECT ${aliased(entity, columns)} FROM "${table}" "${entity}" WHERE (("${entity}"."organization_id" = $1) AND ("${entity}"."id" = $2)) LIMIT 1`;

/** identity/sessions.repository.ts `activeAccess`: the per-request session check of a bearer token. */
export const SESSION_ACCESS = `SELECT u.role, u.branch_ids
         FROM sessions s JOIN users u ON u.organization_id = s.organization_id AND u.id = s.user_id
        WHERE s.organization_id = $1 AND s.id = $2 AND s.user_id = $3 AND s.revoked_at IS NULL
          AND s.rotated_at IS NULL AND s.expires_at > $4 AND u.state = 'active'`;

/** identity/api-keys.repository.ts `findByPrefix`: every key of that prefix (unique within an organization only). */
export const API_KEY_BY_PREFIX = `SELECT ${aliased('ApiKeyEntity', API_KEY_COLUMNS)} FROM "api_keys" "ApiKeyEntity" WHERE (("ApiKeyEntity"."prefix" = $1))`;

/** identity/api-keys.repository.ts `recordUse`: the first use of each minute (now and a minute ago as parameters). */
export const API_KEY_RECORD_USE = `UPDATE "api_keys" SET "last_used_at" = $1, "last_used_ip" = $2, "version" = "version" + 1, "updated_at" = CURRENT_TIMESTAMP WHERE "organization_id" = $3 AND "id" = $4 AND ("last_used_at" IS NULL OR "last_used_at" < $5)`;

/** keyring/subject-key.repository.ts. */
export const SUBJECT_KEY_FIND = `SELECT ${aliased('SubjectKeyEntity', SUBJECT_KEY_COLUMNS)} FROM "subject_keys" "SubjectKeyEntity" WHERE (("SubjectKeyEntity"."subject_id" = $1)) LIMIT 1`;
export const subjectKeyFindMany = (count: number) =>
  `SELECT ${aliased('SubjectKeyEntity', SUBJECT_KEY_COLUMNS)} FROM "subject_keys" "SubjectKeyEntity" WHERE (("SubjectKeyEntity"."subject_id" IN (${Array.from({ length: count }, (_, index) => `$${index + 1}`).join(', ')})))`;
export const SUBJECT_KEY_INSERT = `INSERT INTO "subject_keys" AS "SubjectKeyEntity"("subject_id", "wrapped_key", "master_key_fingerprint", "created_at", "destroyed_at") VALUES ($1, $2, $3, DEFAULT, $4) ON CONFLICT DO NOTHING  RETURNING "created_at"`;

export const CONTACT_FIND = findInOrganization('ContactEntity', 'contacts', CONTACT_COLUMNS);
export const CONTACT_INSERT = `INSERT INTO "contacts"("created_at", "updated_at", "version", "id", "organization_id", "branch_id", "client_id", "full_name_enc", "email_enc", "email_index", "phone_enc", "job_title_enc", "address_enc", "notes_enc", "tags", "owner_id", "search_tokens", "last_activity_at", "restricted_at") VALUES (DEFAULT, DEFAULT, 1, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, DEFAULT, DEFAULT) RETURNING "created_at", "updated_at", "version", "id", "tags", "search_tokens"`;

export const USER_FIND = findInOrganization('UserEntity', 'users', USER_COLUMNS);
/** identity/users.repository.ts `findNames`: the sealed names of some users, in one query. */
export const USER_NAMES = 'SELECT id, full_name_enc FROM users WHERE organization_id = $1 AND id = ANY($2::uuid[])';
export const JOB_FIND = findInOrganization('JobEntity', 'jobs', JOB_COLUMNS);
export const CLIENT_REF_FIND = `SELECT "ClientEntity"."id" AS "ClientEntity_id", "ClientEntity"."branch_id" AS "ClientEntity_branch_id", "ClientEntity"."restricted_at" AS "ClientEntity_restricted_at", "ClientEntity"."organization_id" AS "ClientEntity_organization_id" FROM "clients" "ClientEntity" WHERE (("ClientEntity"."organization_id" = $1) AND ("ClientEntity"."id" = $2)) LIMIT 1`;
export const BRANCHES_OF_ORGANIZATION = `SELECT ${aliased('BranchEntity', BRANCH_COLUMNS)} FROM "branches" "BranchEntity" WHERE (("BranchEntity"."organization_id" = $1)) ORDER BY "BranchEntity"."name" ASC`;

export const JOB_UPDATE_STATUS = `UPDATE "jobs" SET "status" = $1, "version" = "version" + 1, "updated_at" = CURRENT_TIMESTAMP WHERE ("organization_id" = $2 AND "id" = $3 AND "version" = $4)`;

export const ACTIVITY_INSERT = `INSERT INTO "crm_activity"("id", "organization_id", "record_type", "record_id", "action", "fields", "actor_kind", "actor_id", "at") VALUES (DEFAULT, $1, $2, $3, $4, $5, $6, $7, DEFAULT) RETURNING "id", "fields", "at"`;

/**
 * audit/audit.repository.ts `insert` of one row: straight onto the chain (the trigger numbers,
 * stamps and chains it), or, inside a transaction, queued in audit_pending and chained at COMMIT.
 */
const auditInsert = (table: string) =>
  `INSERT INTO ${table} (organization_id, actor_kind, actor_id, action, target_type, target_id, outcome, request_id, ip, user_agent, details) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`;
export const AUDIT_INSERT = auditInsert('audit_entries');
export const AUDIT_INSERT_IN_TRANSACTION = auditInsert('audit_pending');

export const BEGIN = 'START TRANSACTION';
export const COMMIT = 'COMMIT';
export const ROLLBACK = 'ROLLBACK';

/**
 * A keyset page (crm/keyset.repository.ts over a query builder): the entity's columns, the
 * cursor column as text, the filters in the repository's order, newest first, one extra
 * row to know whether another page follows.
 */
export interface KeysetQuery {
  alias: string;
  /** Only the plaintext twin names one (bench_plain); the product's tables are found on the search path. */
  schema?: string;
  table: string;
  columns: readonly string[];
  sortColumn: 'created_at' | 'updated_at' | 'occurred_at';
  descending: boolean;
  /** SQL conditions with `?` where the next parameter goes, in the order the repository adds them. */
  where: Array<[condition: string, ...values: unknown[]]>;
  after: { at: string; id: string } | null;
  limit: number;
}

export function keysetSql(query: KeysetQuery): { text: string; values: unknown[] } {
  const { alias, sortColumn, descending } = query;
  const values: unknown[] = [];
  const conditions = query.where.map(([condition, ...params]) =>
    condition.replace(/\?/g, () => {
      values.push(params.shift());
      return `$${values.length}`;
    }),
  );
  if (query.after) {
    values.push(query.after.at, query.after.id);
    conditions.push(
      `("${alias}"."${sortColumn}", "${alias}"."id") ${descending ? '<' : '>'} ($${values.length - 1}::timestamptz, $${values.length}::uuid)`,
    );
  }
  const direction = descending ? 'DESC' : 'ASC';
  const columns = query.columns.map((column) => `"${alias}"."${column}" AS "${alias}_${column}"`).join(', ');
  const text =
    `SELECT ${columns}, ${alias}.${sortColumn}::text AS "cursor_at" FROM ${query.schema ? `"${query.schema}".` : ''}"${query.table}" "${alias}" ` +
    `WHERE ${conditions.join(' AND ')} ORDER BY "${alias}"."${sortColumn}" ${direction}, "${alias}"."id" ${direction} ` +
    `LIMIT ${query.limit + 1}`;
  return { text, values };
}
