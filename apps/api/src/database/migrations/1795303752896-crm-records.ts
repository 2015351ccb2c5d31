import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CrmRecords1795303752896 implements MigrationInterface {
  name = 'CrmRecords1795303752896';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TYPE \"public\".\"activity_action\" AS ENUM('created', 'updated', 'deleted')");
    await queryRunner.query("CREATE TYPE \"public\".\"actor_kind\" AS ENUM('user', 'api_key', 'system')");
    await queryRunner.query(
      'CREATE TABLE "crm_activity" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "record_type" character varying(30) NOT NULL, "record_id" uuid NOT NULL, "action" "public"."activity_action" NOT NULL, "fields" character varying(60) array NOT NULL DEFAULT \'{}\', "actor_kind" "public"."actor_kind" NOT NULL, "actor_id" uuid, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7474a16af410dd0560653122dcb" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_crm_activity_record" ON "crm_activity"  ("organization_id", "record_type", "record_id", "at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "crm_counters" ("organization_id" uuid NOT NULL, "name" character varying(30) NOT NULL, "value" integer NOT NULL DEFAULT \'0\', CONSTRAINT "PK_4ae65e62607b17f968188883c88" PRIMARY KEY ("organization_id", "name"))',
    );
    await queryRunner.query('CREATE TYPE "public"."client_kind" AS ENUM(\'company\', \'individual\')');
    await queryRunner.query(
      'CREATE TABLE "clients" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "branch_id" uuid NOT NULL, "kind" "public"."client_kind" NOT NULL, "name_enc" bytea NOT NULL, "email_enc" bytea, "email_index" character varying(64), "phone_enc" bytea, "address_enc" bytea, "company_enc" bytea, "notes_enc" bytea, "tags" character varying(40) array NOT NULL DEFAULT \'{}\', "owner_id" uuid, "search_tokens" character varying(16) array NOT NULL DEFAULT \'{}\', "last_activity_at" TIMESTAMP WITH TIME ZONE, "restricted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_f1ab7cf3a5714dbc6bb4e1c28a4" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_clients_org_email" ON "clients"  ("organization_id", "email_index") ');
    await queryRunner.query(
      'CREATE INDEX "IDX_clients_org_branch_created" ON "clients"  ("organization_id", "branch_id", "created_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_clients_org_created" ON "clients"  ("organization_id", "created_at", "id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "contacts" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "branch_id" uuid NOT NULL, "client_id" uuid, "full_name_enc" bytea NOT NULL, "email_enc" bytea, "email_index" character varying(64), "phone_enc" bytea, "job_title_enc" bytea, "address_enc" bytea, "notes_enc" bytea, "tags" character varying(40) array NOT NULL DEFAULT \'{}\', "owner_id" uuid, "search_tokens" character varying(16) array NOT NULL DEFAULT \'{}\', "last_activity_at" TIMESTAMP WITH TIME ZONE, "restricted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_b99cd40cfd66a99f1571f4f72e6" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_contacts_org_email" ON "contacts"  ("organization_id", "email_index") ');
    await queryRunner.query('CREATE INDEX "IDX_contacts_org_client" ON "contacts"  ("organization_id", "client_id") ');
    await queryRunner.query(
      'CREATE INDEX "IDX_contacts_org_branch_created" ON "contacts"  ("organization_id", "branch_id", "created_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_contacts_org_created" ON "contacts"  ("organization_id", "created_at", "id") ',
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"communication_kind\" AS ENUM('call', 'email', 'meeting', 'note')",
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"communication_direction\" AS ENUM('inbound', 'outbound', 'internal')",
    );
    await queryRunner.query(
      'CREATE TABLE "communications" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "branch_id" uuid NOT NULL, "client_id" uuid, "contact_id" uuid, "kind" "public"."communication_kind" NOT NULL, "direction" "public"."communication_direction" NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "duration_minutes" integer, "author_id" uuid, "api_key_id" uuid, "subject_enc" bytea, "body_enc" bytea, CONSTRAINT "PK_29ec793018d5d5ca19d40149e87" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_communications_contact_time" ON "communications"  ("organization_id", "contact_id", "occurred_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_communications_client_time" ON "communications"  ("organization_id", "client_id", "occurred_at") ',
    );
    await queryRunner.query('CREATE TYPE "public"."contact_list_kind" AS ENUM(\'static\', \'saved_filter\')');
    await queryRunner.query(
      'CREATE TABLE "contact_lists" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "name" character varying(120) NOT NULL, "kind" "public"."contact_list_kind" NOT NULL, "filter" jsonb, "branch_id" uuid, "owner_id" uuid, CONSTRAINT "PK_9d9c15bed294d0779669dc7069c" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_contact_lists_org" ON "contact_lists"  ("organization_id", "name") ');
    await queryRunner.query(
      'CREATE TABLE "contact_list_members" ("list_id" uuid NOT NULL, "contact_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "added_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fac5fbeb31b2bf7ed01a5f9cefc" PRIMARY KEY ("list_id", "contact_id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_contact_list_members_contact" ON "contact_list_members"  ("contact_id") ',
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"job_status\" AS ENUM('new', 'scheduled', 'in_progress', 'completed', 'invoiced', 'cancelled')",
    );
    await queryRunner.query("CREATE TYPE \"public\".\"job_priority\" AS ENUM('low', 'normal', 'high', 'urgent')");
    await queryRunner.query(
      'CREATE TABLE "jobs" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "branch_id" uuid NOT NULL, "number" integer NOT NULL, "client_id" uuid NOT NULL, "title_enc" bytea NOT NULL, "site_address_enc" bytea, "description_enc" bytea, "status" "public"."job_status" NOT NULL DEFAULT \'new\', "priority" "public"."job_priority" NOT NULL DEFAULT \'normal\', "assigned_user_ids" uuid array NOT NULL DEFAULT \'{}\', "due_on" date, "completed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_cf0a6c42b72fcc7f7c237def345" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_jobs_org_client" ON "jobs"  ("organization_id", "client_id") ');
    await queryRunner.query(
      'CREATE INDEX "IDX_jobs_org_status" ON "jobs"  ("organization_id", "status", "created_at") ',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "UQ_jobs_org_number" ON "jobs"  ("organization_id", "number") ');
    await queryRunner.query("CREATE TYPE \"public\".\"invoice_status\" AS ENUM('draft', 'issued', 'paid', 'void')");
    await queryRunner.query('CREATE TYPE "public"."pricing_mode" AS ENUM(\'exclusive\', \'inclusive\')');
    await queryRunner.query(
      'CREATE TABLE "invoices" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "branch_id" uuid NOT NULL, "number" integer NOT NULL, "client_id" uuid, "job_id" uuid, "status" "public"."invoice_status" NOT NULL DEFAULT \'draft\', "issue_date" date, "due_date" date, "currency" character(3) NOT NULL, "tax_policy_id" uuid, "pricing" "public"."pricing_mode" NOT NULL, "lines" jsonb NOT NULL DEFAULT \'[]\', "subtotal_minor" bigint NOT NULL DEFAULT \'0\', "tax_minor" bigint NOT NULL DEFAULT \'0\', "total_minor" bigint NOT NULL DEFAULT \'0\', "paid_minor" bigint NOT NULL DEFAULT \'0\', "bill_to_enc" bytea, "deidentified_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_668cef7c22a427fd822cc1be3ce" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_invoices_org_client" ON "invoices"  ("organization_id", "client_id") ');
    await queryRunner.query(
      'CREATE INDEX "IDX_invoices_org_status" ON "invoices"  ("organization_id", "status", "created_at") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_invoices_org_number" ON "invoices"  ("organization_id", "number") ',
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"payment_method\" AS ENUM('bank_transfer', 'card', 'cash', 'cheque', 'other')",
    );
    await queryRunner.query(
      'CREATE TABLE "payments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "invoice_id" uuid NOT NULL, "amount_minor" bigint NOT NULL, "paid_on" date NOT NULL, "method" "public"."payment_method" NOT NULL, "reference" character varying(120), "recorded_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_197ab7af18c93fbb0c9b28b4a59" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_payments_invoice" ON "payments"  ("invoice_id") ');
    await queryRunner.query('CREATE TYPE "public"."schedule_kind" AS ENUM(\'appointment\', \'job_visit\')');
    await queryRunner.query("CREATE TYPE \"public\".\"schedule_status\" AS ENUM('planned', 'done', 'cancelled')");
    await queryRunner.query(
      'CREATE TABLE "schedule_entries" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "branch_id" uuid NOT NULL, "kind" "public"."schedule_kind" NOT NULL, "job_id" uuid, "client_id" uuid, "assignee_id" uuid NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" "public"."schedule_status" NOT NULL DEFAULT \'planned\', "title_enc" bytea NOT NULL, "notes_enc" bytea, CONSTRAINT "PK_bfe848ea36c4b3d8a4b18ec82aa" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_schedule_entries_job" ON "schedule_entries"  ("job_id") ');
    await queryRunner.query(
      'CREATE INDEX "IDX_schedule_entries_org_time" ON "schedule_entries"  ("organization_id", "starts_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_schedule_entries_assignee_time" ON "schedule_entries"  ("organization_id", "assignee_id", "starts_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "tax_policies" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "branch_id" uuid, "name" character varying(120) NOT NULL, "pricing" "public"."pricing_mode" NOT NULL, "rates" jsonb NOT NULL, "effective_from" date NOT NULL, "effective_to" date, CONSTRAINT "PK_9ae910812088171e36ca678e22b" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_tax_policies_org_branch_from" ON "tax_policies"  ("organization_id", "branch_id", "effective_from") ',
    );
    await queryRunner.query(
      'ALTER TABLE "contacts" ADD CONSTRAINT "FK_72d1013c43a0198e905290831e5" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "communications" ADD CONSTRAINT "FK_21151e9c336d8ac16f10f379882" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "communications" ADD CONSTRAINT "FK_2d94b39e3dc02ea25c7a98b7036" FOREIGN KEY ("contact_id") REFERENCES "contacts"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "contact_list_members" ADD CONSTRAINT "FK_1c35d53c48a13b4905293d1734c" FOREIGN KEY ("list_id") REFERENCES "contact_lists"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "contact_list_members" ADD CONSTRAINT "FK_e7ca3d74b038f08c0e0786dceba" FOREIGN KEY ("contact_id") REFERENCES "contacts"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "jobs" ADD CONSTRAINT "FK_dec6205e2cd13841763710f9892" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "invoices" ADD CONSTRAINT "FK_5534ba11e10f1a9953cbdaabf16" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "invoices" ADD CONSTRAINT "FK_7b1042679bfaa0ea492081091bf" FOREIGN KEY ("job_id") REFERENCES "jobs"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "payments" ADD CONSTRAINT "FK_563a5e248518c623eebd987d43e" FOREIGN KEY ("invoice_id") REFERENCES "invoices"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "schedule_entries" ADD CONSTRAINT "FK_382bde2bf42d7fe7b853bc82cd9" FOREIGN KEY ("job_id") REFERENCES "jobs"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "schedule_entries" ADD CONSTRAINT "FK_b1ac70e3d4c0386983ec25891b6" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    // Hand-written: indexes and checks TypeORM cannot express.
    // GIN indexes for search by keyed word digests, tags and assignees.
    await queryRunner.query('CREATE INDEX "IDX_clients_search" ON "clients" USING gin ("search_tokens")');
    await queryRunner.query('CREATE INDEX "IDX_clients_tags" ON "clients" USING gin ("tags")');
    await queryRunner.query('CREATE INDEX "IDX_contacts_search" ON "contacts" USING gin ("search_tokens")');
    await queryRunner.query('CREATE INDEX "IDX_contacts_tags" ON "contacts" USING gin ("tags")');
    await queryRunner.query('CREATE INDEX "IDX_jobs_assignees" ON "jobs" USING gin ("assigned_user_ids")');
    await queryRunner.query(
      'ALTER TABLE "communications" ADD CONSTRAINT "CHK_communications_party" CHECK ("client_id" IS NOT NULL OR "contact_id" IS NOT NULL)',
    );
    await queryRunner.query(
      'ALTER TABLE "schedule_entries" ADD CONSTRAINT "CHK_schedule_entries_span" CHECK ("ends_at" > "starts_at")',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "schedule_entries" DROP CONSTRAINT "FK_b1ac70e3d4c0386983ec25891b6"');
    await queryRunner.query('ALTER TABLE "schedule_entries" DROP CONSTRAINT "FK_382bde2bf42d7fe7b853bc82cd9"');
    await queryRunner.query('ALTER TABLE "payments" DROP CONSTRAINT "FK_563a5e248518c623eebd987d43e"');
    await queryRunner.query('ALTER TABLE "invoices" DROP CONSTRAINT "FK_7b1042679bfaa0ea492081091bf"');
    await queryRunner.query('ALTER TABLE "invoices" DROP CONSTRAINT "FK_5534ba11e10f1a9953cbdaabf16"');
    await queryRunner.query('ALTER TABLE "jobs" DROP CONSTRAINT "FK_dec6205e2cd13841763710f9892"');
    await queryRunner.query('ALTER TABLE "contact_list_members" DROP CONSTRAINT "FK_e7ca3d74b038f08c0e0786dceba"');
    await queryRunner.query('ALTER TABLE "contact_list_members" DROP CONSTRAINT "FK_1c35d53c48a13b4905293d1734c"');
    await queryRunner.query('ALTER TABLE "communications" DROP CONSTRAINT "FK_2d94b39e3dc02ea25c7a98b7036"');
    await queryRunner.query('ALTER TABLE "communications" DROP CONSTRAINT "FK_21151e9c336d8ac16f10f379882"');
    await queryRunner.query('ALTER TABLE "contacts" DROP CONSTRAINT "FK_72d1013c43a0198e905290831e5"');
    await queryRunner.query('DROP INDEX "public"."IDX_tax_policies_org_branch_from"');
    await queryRunner.query('DROP TABLE "tax_policies"');
    await queryRunner.query('DROP INDEX "public"."IDX_schedule_entries_assignee_time"');
    await queryRunner.query('DROP INDEX "public"."IDX_schedule_entries_org_time"');
    await queryRunner.query('DROP INDEX "public"."IDX_schedule_entries_job"');
    await queryRunner.query('DROP TABLE "schedule_entries"');
    await queryRunner.query('DROP TYPE "public"."schedule_status"');
    await queryRunner.query('DROP TYPE "public"."schedule_kind"');
    await queryRunner.query('DROP INDEX "public"."IDX_payments_invoice"');
    await queryRunner.query('DROP TABLE "payments"');
    await queryRunner.query('DROP TYPE "public"."payment_method"');
    await queryRunner.query('DROP INDEX "public"."UQ_invoices_org_number"');
    await queryRunner.query('DROP INDEX "public"."IDX_invoices_org_status"');
    await queryRunner.query('DROP INDEX "public"."IDX_invoices_org_client"');
    await queryRunner.query('DROP TABLE "invoices"');
    await queryRunner.query('DROP TYPE "public"."pricing_mode"');
    await queryRunner.query('DROP TYPE "public"."invoice_status"');
    await queryRunner.query('DROP INDEX "public"."UQ_jobs_org_number"');
    await queryRunner.query('DROP INDEX "public"."IDX_jobs_org_status"');
    await queryRunner.query('DROP INDEX "public"."IDX_jobs_org_client"');
    await queryRunner.query('DROP TABLE "jobs"');
    await queryRunner.query('DROP TYPE "public"."job_priority"');
    await queryRunner.query('DROP TYPE "public"."job_status"');
    await queryRunner.query('DROP INDEX "public"."IDX_contact_list_members_contact"');
    await queryRunner.query('DROP TABLE "contact_list_members"');
    await queryRunner.query('DROP INDEX "public"."IDX_contact_lists_org"');
    await queryRunner.query('DROP TABLE "contact_lists"');
    await queryRunner.query('DROP TYPE "public"."contact_list_kind"');
    await queryRunner.query('DROP INDEX "public"."IDX_communications_client_time"');
    await queryRunner.query('DROP INDEX "public"."IDX_communications_contact_time"');
    await queryRunner.query('DROP TABLE "communications"');
    await queryRunner.query('DROP TYPE "public"."communication_direction"');
    await queryRunner.query('DROP TYPE "public"."communication_kind"');
    await queryRunner.query('DROP INDEX "public"."IDX_contacts_org_created"');
    await queryRunner.query('DROP INDEX "public"."IDX_contacts_org_branch_created"');
    await queryRunner.query('DROP INDEX "public"."IDX_contacts_org_client"');
    await queryRunner.query('DROP INDEX "public"."IDX_contacts_org_email"');
    await queryRunner.query('DROP TABLE "contacts"');
    await queryRunner.query('DROP INDEX "public"."IDX_clients_org_created"');
    await queryRunner.query('DROP INDEX "public"."IDX_clients_org_branch_created"');
    await queryRunner.query('DROP INDEX "public"."IDX_clients_org_email"');
    await queryRunner.query('DROP TABLE "clients"');
    await queryRunner.query('DROP TYPE "public"."client_kind"');
    await queryRunner.query('DROP TABLE "crm_counters"');
    await queryRunner.query('DROP INDEX "public"."IDX_crm_activity_record"');
    await queryRunner.query('DROP TABLE "crm_activity"');
    await queryRunner.query('DROP TYPE "public"."actor_kind"');
    await queryRunner.query('DROP TYPE "public"."activity_action"');
  }
}
