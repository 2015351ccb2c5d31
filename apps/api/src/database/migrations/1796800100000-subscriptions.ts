import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Subscriptions: the states trial, active, past_due, ended, terminated (cancelled and expired
 * become ended, their purge clock starting now); when a subscription ended or was terminated
 * and what it was before a termination (for a restore); the reminders sent, each once; and
 * the resumable purge of an ended organization. The audit trail's append-only guard lets
 * that purge (and only it, by a transaction-local flag) delete an organization's whole chain.
 */
export class Subscriptions1796800100000 implements MigrationInterface {
  name = 'Subscriptions1796800100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TYPE "public"."organizations_subscription_state_enum" RENAME TO "organizations_subscription_state_enum_old"',
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"organizations_subscription_state_enum\" AS ENUM('trial', 'active', 'past_due', 'ended', 'terminated')",
    );
    await queryRunner.query('ALTER TABLE "organizations" ALTER COLUMN "subscription_state" DROP DEFAULT');
    await queryRunner.query(
      `ALTER TABLE "organizations" ALTER COLUMN "subscription_state" TYPE "public"."organizations_subscription_state_enum"
         USING (CASE "subscription_state"::text WHEN 'cancelled' THEN 'ended' WHEN 'expired' THEN 'ended'
                ELSE "subscription_state"::text END)::"public"."organizations_subscription_state_enum"`,
    );
    await queryRunner.query('ALTER TABLE "organizations" ALTER COLUMN "subscription_state" SET DEFAULT \'trial\'');
    await queryRunner.query('DROP TYPE "public"."organizations_subscription_state_enum_old"');
    await queryRunner.query('ALTER TABLE "organizations" ADD "subscription_ended_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('ALTER TABLE "organizations" ADD "terminated_from_state" character varying(16)');
    await queryRunner.query(
      `UPDATE "organizations" SET "subscription_ended_at" = now() WHERE "subscription_state" = 'ended'`,
    );
    await queryRunner.query(
      `CREATE TABLE "subscription_reminders" ("organization_id" uuid NOT NULL, "kind" character varying(16) NOT NULL,
         "for_date" TIMESTAMP WITH TIME ZONE NOT NULL, "days_before" smallint NOT NULL,
         "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL,
         CONSTRAINT "PK_701393d20c172699af351a5d4bd" PRIMARY KEY ("organization_id", "kind", "for_date", "days_before"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "organization_purges" ("purged_organization_id" uuid NOT NULL,
         "status" character varying(16) NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL,
         "completed_at" TIMESTAMP WITH TIME ZONE, "batches" integer NOT NULL DEFAULT 0,
         "removed" jsonb NOT NULL DEFAULT '{}', "keys_destroyed" integer NOT NULL DEFAULT 0,
         CONSTRAINT "PK_86728a4a6aa5dd0776cb98721de" PRIMARY KEY ("purged_organization_id"))`,
    );
    // The append-only guard, as before, plus: the organization purge may delete every entry,
    // checkpoint and chain head of the organization it purges (the flag is set per transaction).
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'audit_entries' AND TG_OP = 'DELETE'
           AND current_setting('steward.audit_purge', true) = 'on' THEN
          RETURN OLD;
        END IF;
        IF TG_OP = 'DELETE' THEN
          IF current_setting('steward.organization_purge', true) = OLD.organization_id::text THEN
            RETURN OLD;
          END IF;
        END IF;
        IF TG_TABLE_NAME = 'audit_chain_heads' AND TG_OP = 'UPDATE' AND pg_trigger_depth() > 1 THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'the audit trail is append-only: % on % refused', TG_OP, TG_TABLE_NAME
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'audit_entries' AND TG_OP = 'DELETE'
           AND current_setting('steward.audit_purge', true) = 'on' THEN
          RETURN OLD;
        END IF;
        IF TG_TABLE_NAME = 'audit_chain_heads' AND TG_OP = 'UPDATE' AND pg_trigger_depth() > 1 THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'the audit trail is append-only: % on % refused', TG_OP, TG_TABLE_NAME
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query('DROP TABLE "organization_purges"');
    await queryRunner.query('DROP TABLE "subscription_reminders"');
    await queryRunner.query('ALTER TABLE "organizations" DROP COLUMN "terminated_from_state"');
    await queryRunner.query('ALTER TABLE "organizations" DROP COLUMN "subscription_ended_at"');
    await queryRunner.query(
      'ALTER TYPE "public"."organizations_subscription_state_enum" RENAME TO "organizations_subscription_state_enum_new"',
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"organizations_subscription_state_enum\" AS ENUM('trial', 'active', 'cancelled', 'expired')",
    );
    await queryRunner.query('ALTER TABLE "organizations" ALTER COLUMN "subscription_state" DROP DEFAULT');
    await queryRunner.query(
      `ALTER TABLE "organizations" ALTER COLUMN "subscription_state" TYPE "public"."organizations_subscription_state_enum"
         USING (CASE "subscription_state"::text WHEN 'past_due' THEN 'active' WHEN 'ended' THEN 'expired'
                WHEN 'terminated' THEN 'cancelled' ELSE "subscription_state"::text END)::"public"."organizations_subscription_state_enum"`,
    );
    await queryRunner.query('ALTER TABLE "organizations" ALTER COLUMN "subscription_state" SET DEFAULT \'trial\'');
    await queryRunner.query('DROP TYPE "public"."organizations_subscription_state_enum_new"');
  }
}
