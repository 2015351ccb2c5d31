import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Legal holds, retention runs with per-organization receipts, organizations’ own periods, and erasures that wait for a hold. */
export class Retention1796800200000 implements MigrationInterface {
  name = 'Retention1796800200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "legal_holds" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "scope" character varying(16) NOT NULL, "target_kind" character varying(32), "target_id" uuid, "reason" character varying(500) NOT NULL, "set_by_kind" character varying(16) NOT NULL, "set_by_id" uuid, "set_at" TIMESTAMP WITH TIME ZONE NOT NULL, "released_by_kind" character varying(16), "released_by_id" uuid, "released_at" TIMESTAMP WITH TIME ZONE, "release_reason" character varying(500), CONSTRAINT "PK_bbe3e0c98678909493a90442dfb" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_legal_holds_organization" ON "legal_holds"  ("organization_id", "set_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_legal_holds_target" ON "legal_holds"  ("organization_id", "target_id") WHERE released_at IS NULL',
    );
    await queryRunner.query(
      'CREATE TABLE "retention_overrides" ("organization_id" uuid NOT NULL, "rule" character varying(64) NOT NULL, "value" integer NOT NULL, "changed_by_kind" character varying(16) NOT NULL, "changed_by_id" uuid, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_8452ebc95f1adebead5948fd640" PRIMARY KEY ("organization_id", "rule"))',
    );
    await queryRunner.query(
      'CREATE TABLE "retention_runs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "rule" character varying(64) NOT NULL, "organization_id" uuid, "trigger" character varying(16) NOT NULL, "requested_by_kind" character varying(16), "requested_by_id" uuid, "setting" character varying(64) NOT NULL, "setting_value" integer NOT NULL, "cutoff" TIMESTAMP WITH TIME ZONE NOT NULL, "measured_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" character varying(16) NOT NULL, "purged" jsonb NOT NULL DEFAULT \'{}\', "held" integer NOT NULL DEFAULT \'0\', "batches" integer NOT NULL DEFAULT \'0\', "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "heartbeat_at" TIMESTAMP WITH TIME ZONE NOT NULL, "finished_at" TIMESTAMP WITH TIME ZONE, "error" character varying(300), CONSTRAINT "PK_80f0aec401112f8d4bad156a908" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_retention_runs_organization" ON "retention_runs"  ("organization_id", "started_at") ',
    );
    await queryRunner.query('CREATE INDEX "IDX_retention_runs_started" ON "retention_runs"  ("started_at") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_retention_runs_running" ON "retention_runs"  ("rule") WHERE status = \'running\'',
    );
    await queryRunner.query(
      'CREATE TABLE "retention_receipts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "run_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "purged" jsonb NOT NULL DEFAULT \'{}\', "held" integer NOT NULL DEFAULT \'0\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_e0793965c7852fa4d6305859980" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_retention_receipts_organization" ON "retention_receipts"  ("organization_id", "created_at") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_retention_receipts_run_organization" ON "retention_receipts"  ("run_id", "organization_id") ',
    );
    await queryRunner.query('ALTER TABLE "erasures" ADD "held_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query(
      'ALTER TABLE "retention_receipts" ADD CONSTRAINT "FK_d55f4735cde3e935d3f5abc1ded" FOREIGN KEY ("run_id") REFERENCES "retention_runs"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "retention_receipts" DROP CONSTRAINT "FK_d55f4735cde3e935d3f5abc1ded"');
    await queryRunner.query('ALTER TABLE "erasures" DROP COLUMN "held_at"');
    await queryRunner.query('DROP INDEX "public"."UQ_retention_receipts_run_organization"');
    await queryRunner.query('DROP INDEX "public"."IDX_retention_receipts_organization"');
    await queryRunner.query('DROP TABLE "retention_receipts"');
    await queryRunner.query('DROP INDEX "public"."UQ_retention_runs_running"');
    await queryRunner.query('DROP INDEX "public"."IDX_retention_runs_started"');
    await queryRunner.query('DROP INDEX "public"."IDX_retention_runs_organization"');
    await queryRunner.query('DROP TABLE "retention_runs"');
    await queryRunner.query('DROP TABLE "retention_overrides"');
    await queryRunner.query('DROP INDEX "public"."IDX_legal_holds_target"');
    await queryRunner.query('DROP INDEX "public"."IDX_legal_holds_organization"');
    await queryRunner.query('DROP TABLE "legal_holds"');
  }
}
