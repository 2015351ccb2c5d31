import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Policy versions (platform policy and organization notices), acceptances, processors and
 * privacy contacts. The platform's rows have no organization, so uniqueness per document
 * uses COALESCE(organization_id, the nil uuid). Like the CRM's tables, none has a foreign key
 * into another context's tables: an account's acceptances go with its erasure (the
 * provider), an organization's rows with its retention purge.
 */
export class PrivacyPolicies1796300000000 implements MigrationInterface {
  name = 'PrivacyPolicies1796300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const owner = `COALESCE("organization_id", '00000000-0000-0000-0000-000000000000'::uuid)`;
    await queryRunner.query(
      `CREATE TABLE "policy_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid, "document" character varying(16) NOT NULL, "number" integer NOT NULL, "status" character varying(16) NOT NULL, "sections" jsonb NOT NULL, "facts" jsonb NOT NULL, "facts_hash" character varying(64) NOT NULL, "content_hash" character varying(64) NOT NULL, "cookie_revision" integer NOT NULL, "change_note" character varying(500), "effective_date" date, "published_at" TIMESTAMP WITH TIME ZONE, "published_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_policy_versions" PRIMARY KEY ("id"), CONSTRAINT "CHK_policy_versions_status" CHECK ("status" IN ('draft', 'published', 'retired')), CONSTRAINT "CHK_policy_versions_document" CHECK (("document" = 'platform') = ("organization_id" IS NULL)))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_policy_versions_number" ON "policy_versions" ("document", ${owner}, "number")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_policy_versions_published" ON "policy_versions" ("document", ${owner}) WHERE "status" = 'published'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_policy_versions_draft" ON "policy_versions" ("document", ${owner}) WHERE "status" = 'draft'`,
    );
    await queryRunner.query(
      `CREATE TABLE "policy_acceptances" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "user_id" uuid NOT NULL, "policy_version_id" uuid NOT NULL, "number" integer NOT NULL, "accepted_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_policy_acceptances" PRIMARY KEY ("id"), CONSTRAINT "FK_policy_acceptances_version" FOREIGN KEY ("policy_version_id") REFERENCES "policy_versions"("id") ON DELETE CASCADE)`,
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_policy_acceptances_user_number" ON "policy_acceptances" ("user_id", "number")',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_policy_acceptances_organization_user" ON "policy_acceptances" ("organization_id", "user_id")',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_policy_acceptances_version" ON "policy_acceptances" ("policy_version_id")',
    );
    await queryRunner.query(
      `CREATE TABLE "sub_processors" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid, "name" character varying(120) NOT NULL, "purpose" character varying(300) NOT NULL, "data_categories" character varying(80) array NOT NULL DEFAULT '{}', "location" character varying(120) NOT NULL, "safeguard" character varying(200) NOT NULL, "dpa_date" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_sub_processors" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query('CREATE INDEX "IDX_sub_processors_organization" ON "sub_processors" ("organization_id")');
    await queryRunner.query(
      `CREATE TABLE "privacy_contacts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid, "controller_name" character varying(200) NOT NULL, "email" character varying(254) NOT NULL, "dpo_name" character varying(200), "dpo_email" character varying(254), "postal_address" character varying(400), "phone" character varying(40), "authority_name" character varying(200) NOT NULL, "authority_url" character varying(400), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_privacy_contacts" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_privacy_contacts_owner" ON "privacy_contacts" (${owner})`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "privacy_contacts"');
    await queryRunner.query('DROP TABLE "sub_processors"');
    await queryRunner.query('DROP TABLE "policy_acceptances"');
    await queryRunner.query('DROP TABLE "policy_versions"');
  }
}
