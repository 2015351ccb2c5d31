import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables of this migration that hold an organization's rows (row-level security, tenant keys). */
export const IDEMPOTENCY_TENANT_TABLES = ['idempotency_keys'];

const TENANT = "NULLIF(current_setting('steward.tenant_id', true), '')::uuid";
const PLATFORM = "current_setting('steward.scope', true) = 'platform'";

/**
 * The `Idempotency-Key` store (common/idempotency/): per organization, principal and key, a
 * claim while the request runs and the sealed first answer afterwards. A tenant table: its
 * keys carry organization_id and row-level security walls it like the others
 * (1796800500000-row-level-security.ts).
 */
export class IdempotencyKeys1796800700000 implements MigrationInterface {
  name = 'IdempotencyKeys1796800700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "idempotency_keys" ("organization_id" uuid NOT NULL, "id" uuid NOT NULL, "principal_kind" character varying(16) NOT NULL, "principal_id" uuid NOT NULL, "key_digest" bytea NOT NULL, "request_digest" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "lease_until" TIMESTAMP WITH TIME ZONE, "completed_at" TIMESTAMP WITH TIME ZONE, "response_sealed" bytea, CONSTRAINT "PK_ebeb5f48b8988d6749a7b476c46" PRIMARY KEY ("organization_id", "id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_idempotency_keys_created" ON "idempotency_keys"  ("created_at") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_idempotency_keys_key" ON "idempotency_keys"  ("organization_id", "principal_kind", "principal_id", "key_digest") ',
    );
    for (const table of IDEMPOTENCY_TENANT_TABLES) {
      await queryRunner.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(
        `CREATE POLICY "tenant_isolation" ON "${table}" USING ("organization_id" = ${TENANT} OR ${PLATFORM})`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "idempotency_keys"');
  }
}
