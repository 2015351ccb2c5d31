import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Identity1795296964836 implements MigrationInterface {
  name = 'Identity1795296964836';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE TYPE \"public\".\"organizations_subscription_state_enum\" AS ENUM('trial', 'active', 'cancelled', 'expired')",
    );
    await queryRunner.query(
      'CREATE TABLE "organizations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "slug" character varying(80) NOT NULL, "min_user_age" smallint NOT NULL DEFAULT \'18\', "mfa_required" boolean NOT NULL DEFAULT false, "data_region" character varying(40) NOT NULL DEFAULT \'eu-west\', "access_token_minutes" smallint NOT NULL DEFAULT \'15\', "persistent_session_days" smallint NOT NULL DEFAULT \'30\', "subscription_state" "public"."organizations_subscription_state_enum" NOT NULL DEFAULT \'trial\', "subscription_ends_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "UQ_963693341bd612aa01ddf3a4b68" UNIQUE ("slug"), CONSTRAINT "PK_6b031fcd0863e3f6b44230163f9" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "branches" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "name" character varying(120) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_7f37d3b42defea97f1df0d19535" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_branches_organization_name" ON "branches"  ("organization_id", "name") ',
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"users_role_enum\" AS ENUM('owner', 'admin', 'privacy_officer', 'manager', 'agent', 'viewer')",
    );
    await queryRunner.query("CREATE TYPE \"public\".\"users_state_enum\" AS ENUM('invited', 'active', 'disabled')");
    await queryRunner.query(
      'CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "role" "public"."users_role_enum" NOT NULL, "branch_ids" uuid array NOT NULL DEFAULT \'{}\', "state" "public"."users_state_enum" NOT NULL DEFAULT \'active\', "email_index" character varying(64) NOT NULL, "email_enc" bytea NOT NULL, "full_name_enc" bytea NOT NULL, "phone_enc" bytea, "job_title_enc" bytea, "company_enc" bytea, "preferences" jsonb NOT NULL DEFAULT \'{}\', "age_confirmed_at" TIMESTAMP WITH TIME ZONE, "email_verified_at" TIMESTAMP WITH TIME ZONE, "password_hash" character varying(200), "last_sign_in_at" TIMESTAMP WITH TIME ZONE, "restricted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "UQ_498cf712f15452d301a943fd5c6" UNIQUE ("email_index"), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_users_organization" ON "users"  ("organization_id") ');
    await queryRunner.query(
      'ALTER TABLE "branches" ADD CONSTRAINT "FK_9ecf73d5ca57108dc33c87f7d88" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "users" ADD CONSTRAINT "FK_21a659804ed7bf61eb91688dea7" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "users" DROP CONSTRAINT "FK_21a659804ed7bf61eb91688dea7"');
    await queryRunner.query('ALTER TABLE "branches" DROP CONSTRAINT "FK_9ecf73d5ca57108dc33c87f7d88"');
    await queryRunner.query('DROP INDEX "public"."IDX_users_organization"');
    await queryRunner.query('DROP TABLE "users"');
    await queryRunner.query('DROP TYPE "public"."users_state_enum"');
    await queryRunner.query('DROP TYPE "public"."users_role_enum"');
    await queryRunner.query('DROP INDEX "public"."UQ_branches_organization_name"');
    await queryRunner.query('DROP TABLE "branches"');
    await queryRunner.query('DROP TABLE "organizations"');
    await queryRunner.query('DROP TYPE "public"."organizations_subscription_state_enum"');
  }
}
