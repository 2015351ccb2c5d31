import type { DataSource } from 'typeorm';
import { currentScope, type DatabaseScope } from './tenant-scope.js';

/** The role the app connects as (or a login role that is a member of it); see docs/operations.md. */
export const APP_ROLE = 'steward_app';

interface PgClient {
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  [SCOPE]?: string;
}
type Obtain = () => Promise<[PgClient, (error?: unknown) => void]>;

const SCOPE = Symbol('steward.scope');
const keyOf = (scope: DatabaseScope) => (scope.kind === 'platform' ? 'platform' : scope.organizationId);

/**
 * True when row-level security binds this connection's user: not a superuser, not
 * BYPASSRLS, and not the tables' owner (owners bypass their own policies). Migrations run as
 * the owner (DATABASE_MIGRATION_URL); the app, connected as `steward_app`, is bound.
 */
export async function rowLevelSecurityBinds(dataSource: DataSource): Promise<boolean> {
  const [row] = (await dataSource.query(
    `SELECT NOT (r.rolsuper OR r.rolbypassrls OR pg_has_role(current_user, c.relowner, 'USAGE')) AS binds
       FROM pg_roles r, pg_class c
      WHERE r.rolname = current_user AND c.oid = 'public.organizations'::regclass`,
  )) as { binds: boolean }[];
  return Boolean(row?.binds);
}

/**
 * Gives every connection TypeORM checks out the scope of the code asking for it
 * (tenant-scope.ts), as the settings the policies read. A connection remembers its last
 * scope, so one that serves the same organization again costs no extra statement. Only
 * installed where the policies bind: as the owner (the embedded database, a single-role
 * install) it would cost a statement and change nothing.
 */
export async function installTenantScope(dataSource: DataSource): Promise<boolean> {
  if (!(await rowLevelSecurityBinds(dataSource))) return false;
  const driver = dataSource.driver as unknown as { obtainMasterConnection: Obtain };
  const obtain = driver.obtainMasterConnection.bind(driver);
  driver.obtainMasterConnection = async () => {
    const scope = currentScope();
    const [connection, release] = await obtain();
    const key = keyOf(scope);
    if (connection[SCOPE] !== key) {
      try {
        // Session-level (not LOCAL): set outside any transaction, it holds until the next checkout changes it.
        await connection.query(
          "SELECT set_config('steward.tenant_id', $1, false), set_config('steward.scope', $2, false)",
          [scope.kind === 'tenant' ? scope.organizationId : '', scope.kind],
        );
      } catch (error) {
        release(error);
        throw error;
      }
      connection[SCOPE] = key;
    }
    return [connection, release];
  };
  return true;
}

/**
 * Grants the app role what it needs and nothing more: rows of our tables and pg-boss's (no
 * DDL, no writes to the migrations table). Run after every migration, so new tables follow.
 * Skipped when the role does not exist (a single-role install).
 */
export async function grantAppRole(dataSource: DataSource): Promise<boolean> {
  const [exists] = await dataSource.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [APP_ROLE]);
  if (!exists) return false;
  for (const schema of ['public', 'pgboss']) {
    await dataSource.query(`GRANT USAGE ON SCHEMA ${schema} TO ${APP_ROLE}`);
    await dataSource.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${APP_ROLE}`);
    await dataSource.query(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA ${schema} TO ${APP_ROLE}`);
    await dataSource.query(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${schema} TO ${APP_ROLE}`);
  }
  await dataSource.query(`REVOKE INSERT, UPDATE, DELETE ON TABLE public.migrations FROM ${APP_ROLE}`);
  return true;
}
