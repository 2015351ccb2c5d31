import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CookieConsentAndUsageEvents1796246289343 implements MigrationInterface {
  name = 'CookieConsentAndUsageEvents1796246289343';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "usage_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid, "type" character varying(16) NOT NULL, "name" character varying(100) NOT NULL, "hour" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_c9f17d50873fab2c46615f542bc" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_usage_events_hour" ON "usage_events"  ("hour") ');
    await queryRunner.query(
      'CREATE TABLE "cookie_consents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "seq" BIGSERIAL NOT NULL, "consent_id" uuid NOT NULL, "categories" character varying(32) array NOT NULL, "revision" integer NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ip_prefix" character varying(49), "organization_id" uuid, "user_id" uuid, CONSTRAINT "PK_4785bbce481c55a6fec1ef80bbf" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_cookie_consents_recorded" ON "cookie_consents"  ("recorded_at") ');
    await queryRunner.query('CREATE INDEX "IDX_cookie_consents_user" ON "cookie_consents"  ("user_id", "seq") ');
    await queryRunner.query('CREATE INDEX "IDX_cookie_consents_consent" ON "cookie_consents"  ("consent_id", "seq") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_cookie_consents_consent"');
    await queryRunner.query('DROP INDEX "public"."IDX_cookie_consents_user"');
    await queryRunner.query('DROP INDEX "public"."IDX_cookie_consents_recorded"');
    await queryRunner.query('DROP TABLE "cookie_consents"');
    await queryRunner.query('DROP INDEX "public"."IDX_usage_events_hour"');
    await queryRunner.query('DROP TABLE "usage_events"');
  }
}
