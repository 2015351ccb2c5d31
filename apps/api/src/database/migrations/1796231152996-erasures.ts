import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Erasures1796231152996 implements MigrationInterface {
  name = 'Erasures1796231152996';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "erasures" ("organization_id" uuid NOT NULL, "id" uuid NOT NULL, "subject_kind" character varying(16) NOT NULL, "subject_id" uuid NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL, "key_destroyed_at" TIMESTAMP WITH TIME ZONE, "completed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6f3eb23f14efc85ba4c139238ef" PRIMARY KEY ("organization_id", "id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "erasure_receipts" ("organization_id" uuid NOT NULL, "erasure_id" uuid NOT NULL, "category" character varying(64) NOT NULL, "mode" character varying(16) NOT NULL, "affected" integer NOT NULL DEFAULT \'0\', "retained_records" integer, "retained_reason" text, "completed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_1b1f226edc9386f41d09998fbb8" PRIMARY KEY ("organization_id", "erasure_id", "category"))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "erasure_receipts"');
    await queryRunner.query('DROP TABLE "erasures"');
  }
}
