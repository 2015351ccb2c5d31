import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The second wall between tenants: row-level security on every table that holds an
 * organization's rows, for the non-owner role the app connects as (`steward_app`; see
 * docs/operations.md "Row-level security"). A connection sees the rows of the organization
 * in `steward.tenant_id`, or every row when `steward.scope` is 'platform'
 * (database/row-level-security.ts sets both when it hands out a connection); with neither
 * set it sees nothing. Policies compare columns with settings only: no subqueries, so they
 * hold unchanged on a sharded PostgreSQL (Citus) distributed by organization_id.
 */
export const TENANT_TABLES = [
  'api_keys',
  'audit_chain_heads',
  'audit_checkpoints',
  'audit_entries',
  'audit_pending',
  'branches',
  'clients',
  'communications',
  'consent_confirmations',
  'consent_purpose_wordings',
  'consent_purposes',
  'contact_consent_entries',
  'contact_list_members',
  'contact_lists',
  'contacts',
  'cookie_consents',
  'crm_activity',
  'crm_counters',
  'data_exports',
  'erasure_receipts',
  'erasures',
  'invoices',
  'jobs',
  'legal_holds',
  'one_time_tokens',
  'payments',
  'policy_acceptances',
  'privacy_request_events',
  'privacy_requests',
  'retention_overrides',
  'retention_receipts',
  'schedule_entries',
  'sessions',
  'subscription_reminders',
  'tax_policies',
  'usage_daily',
  'usage_events',
  'users',
  'webhook_attempts',
  'webhook_deliveries',
  'webhook_endpoints',
  'webhook_messages',
];
/** Tables whose rows without an organization are the platform's own, readable by every tenant (its policy, processors, contact). */
export const SHARED_TABLES = ['policy_versions', 'privacy_contacts', 'retention_runs', 'sub_processors'];

const TENANT = "NULLIF(current_setting('steward.tenant_id', true), '')::uuid";
const PLATFORM = "current_setting('steward.scope', true) = 'platform'";

export class RowLevelSecurity1796800500000 implements MigrationInterface {
  name = 'RowLevelSecurity1796800500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The app's role. Creating it needs CREATEROLE; where the owner lacks it, an operator
    // creates it (docs/operations.md) and the grants below follow at the next start.
    await queryRunner.query(`DO $$
      BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'steward_app') THEN
          CREATE ROLE steward_app NOLOGIN;
        END IF;
      EXCEPTION WHEN insufficient_privilege THEN
        RAISE NOTICE 'steward_app not created: create it as an administrator';
      END $$`);
    for (const table of TENANT_TABLES) {
      await queryRunner.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(
        `CREATE POLICY "tenant_isolation" ON "${table}" USING ("organization_id" = ${TENANT} OR ${PLATFORM})`,
      );
    }
    for (const table of SHARED_TABLES) {
      await queryRunner.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(
        `CREATE POLICY "tenant_isolation" ON "${table}" USING ("organization_id" = ${TENANT} OR "organization_id" IS NULL OR ${PLATFORM}) WITH CHECK ("organization_id" = ${TENANT} OR ${PLATFORM})`,
      );
    }
    await queryRunner.query('ALTER TABLE "organizations" ENABLE ROW LEVEL SECURITY');
    await queryRunner.query(
      `CREATE POLICY "tenant_isolation" ON "organizations" USING ("id" = ${TENANT} OR ${PLATFORM})`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...TENANT_TABLES, ...SHARED_TABLES, 'organizations']) {
      await queryRunner.query(`DROP POLICY IF EXISTS "tenant_isolation" ON "${table}"`);
      await queryRunner.query(`ALTER TABLE "${table}" DISABLE ROW LEVEL SECURITY`);
    }
  }
}
