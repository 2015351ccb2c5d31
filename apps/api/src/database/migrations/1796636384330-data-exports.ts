import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DataExports1796636384330 implements MigrationInterface {
  name = 'DataExports1796636384330';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "data_exports" ("organization_id" uuid NOT NULL, "id" uuid NOT NULL, "subject_kind" character varying(16) NOT NULL, "subject_id" uuid NOT NULL, "requested_by" uuid, "status" character varying(16) NOT NULL, "categories_done" integer NOT NULL DEFAULT \'0\', "categories_total" integer NOT NULL DEFAULT \'0\', "file_path" text, "size_bytes" integer, "sha256" character varying(64), "wrapped_key" bytea, "link_token_hash" character varying(64), "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ready_at" TIMESTAMP WITH TIME ZONE, "expires_at" TIMESTAMP WITH TIME ZONE, "downloaded_at" TIMESTAMP WITH TIME ZONE, "purged_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_76283ba64233810a37dc9531378" PRIMARY KEY ("organization_id", "id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_data_exports_status_expires" ON "data_exports"  ("status", "expires_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_data_exports_subject" ON "data_exports"  ("organization_id", "subject_kind", "subject_id") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_data_exports_subject"');
    await queryRunner.query('DROP INDEX "public"."IDX_data_exports_status_expires"');
    await queryRunner.query('DROP TABLE "data_exports"');
  }
}
