import type { MigrationInterface, QueryRunner } from 'typeorm';

export class UsageAnalytics1796800000000 implements MigrationInterface {
  name = 'UsageAnalytics1796800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Raw events from before the session hash (at most a week of them, never rolled up) have no
    // day, browser or session to give them: they are dropped rather than invented.
    await queryRunner.query('DELETE FROM "usage_events"');
    await queryRunner.query('DROP INDEX "public"."IDX_usage_events_hour"');
    await queryRunner.query(
      'CREATE TABLE "usage_daily" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "day" date NOT NULL, "type" character varying(16) NOT NULL, "name" character varying(100) NOT NULL, "browser" character varying(16) NOT NULL, "events" integer NOT NULL, "sessions" integer NOT NULL, CONSTRAINT "PK_b0d404396506036eee9af200809" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_usage_daily_organization_day" ON "usage_daily"  ("organization_id", "day") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_usage_daily_cell" ON "usage_daily"  ("day", "organization_id", "type", "name", "browser") ',
    );
    await queryRunner.query(
      'CREATE TABLE "usage_rollups" ("day" date NOT NULL, "rolled_up_at" TIMESTAMP WITH TIME ZONE NOT NULL, "events" integer NOT NULL, CONSTRAINT "PK_d9185d823d730c303bddadccc5a" PRIMARY KEY ("day"))',
    );
    await queryRunner.query(
      'CREATE TABLE "usage_salts" ("day" date NOT NULL, "salt" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_da4754cd9ca7d4be836f7825e0c" PRIMARY KEY ("day"))',
    );
    await queryRunner.query('ALTER TABLE "usage_events" DROP COLUMN "hour"');
    await queryRunner.query('ALTER TABLE "usage_events" ADD "day" date NOT NULL');
    await queryRunner.query('ALTER TABLE "usage_events" ADD "browser" character varying(16) NOT NULL');
    await queryRunner.query('ALTER TABLE "usage_events" ADD "session_hash" bytea NOT NULL');
    await queryRunner.query('ALTER TABLE "usage_events" ALTER COLUMN "organization_id" SET NOT NULL');
    await queryRunner.query('CREATE INDEX "IDX_usage_events_day" ON "usage_events"  ("day") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DELETE FROM "usage_events"');
    await queryRunner.query('DROP INDEX "public"."IDX_usage_events_day"');
    await queryRunner.query('ALTER TABLE "usage_events" ALTER COLUMN "organization_id" DROP NOT NULL');
    await queryRunner.query('ALTER TABLE "usage_events" DROP COLUMN "session_hash"');
    await queryRunner.query('ALTER TABLE "usage_events" DROP COLUMN "browser"');
    await queryRunner.query('ALTER TABLE "usage_events" DROP COLUMN "day"');
    await queryRunner.query('ALTER TABLE "usage_events" ADD "hour" TIMESTAMP WITH TIME ZONE NOT NULL');
    await queryRunner.query('DROP TABLE "usage_salts"');
    await queryRunner.query('DROP TABLE "usage_rollups"');
    await queryRunner.query('DROP INDEX "public"."UQ_usage_daily_cell"');
    await queryRunner.query('DROP INDEX "public"."IDX_usage_daily_organization_day"');
    await queryRunner.query('DROP TABLE "usage_daily"');
    await queryRunner.query('CREATE INDEX "IDX_usage_events_hour" ON "usage_events" USING btree ("hour") ');
  }
}
