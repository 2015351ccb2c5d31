import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ForeignKeyIndexes1795322468601 implements MigrationInterface {
  name = 'ForeignKeyIndexes1795322468601';

  // The record's id first in each index: it also serves the foreign key, so erasing a
  // client or contact cascades by index instead of scanning communications, jobs, invoices.
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_contacts_org_client"');
    await queryRunner.query('DROP INDEX "public"."IDX_communications_contact_time"');
    await queryRunner.query('DROP INDEX "public"."IDX_communications_client_time"');
    await queryRunner.query('DROP INDEX "public"."IDX_jobs_org_client"');
    await queryRunner.query('DROP INDEX "public"."IDX_invoices_org_client"');
    await queryRunner.query('CREATE INDEX "IDX_contacts_client_org" ON "contacts"  ("client_id", "organization_id") ');
    await queryRunner.query(
      'CREATE INDEX "IDX_communications_contact_org_time" ON "communications"  ("contact_id", "organization_id", "occurred_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_communications_client_org_time" ON "communications"  ("client_id", "organization_id", "occurred_at") ',
    );
    await queryRunner.query('CREATE INDEX "IDX_jobs_client_org" ON "jobs"  ("client_id", "organization_id") ');
    await queryRunner.query('CREATE INDEX "IDX_invoices_job" ON "invoices"  ("job_id") ');
    await queryRunner.query('CREATE INDEX "IDX_invoices_client_org" ON "invoices"  ("client_id", "organization_id") ');
    await queryRunner.query('CREATE INDEX "IDX_schedule_entries_client" ON "schedule_entries"  ("client_id") ');
    await queryRunner.query('CREATE INDEX "IDX_api_keys_org" ON "api_keys"  ("organization_id") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_api_keys_org"');
    await queryRunner.query('DROP INDEX "public"."IDX_schedule_entries_client"');
    await queryRunner.query('DROP INDEX "public"."IDX_invoices_client_org"');
    await queryRunner.query('DROP INDEX "public"."IDX_invoices_job"');
    await queryRunner.query('DROP INDEX "public"."IDX_jobs_client_org"');
    await queryRunner.query('DROP INDEX "public"."IDX_communications_client_org_time"');
    await queryRunner.query('DROP INDEX "public"."IDX_communications_contact_org_time"');
    await queryRunner.query('DROP INDEX "public"."IDX_contacts_client_org"');
    await queryRunner.query(
      'CREATE INDEX "IDX_invoices_org_client" ON "invoices" USING btree ("organization_id", "client_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_jobs_org_client" ON "jobs" USING btree ("organization_id", "client_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_communications_client_time" ON "communications" USING btree ("organization_id", "client_id", "occurred_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_communications_contact_time" ON "communications" USING btree ("organization_id", "contact_id", "occurred_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_contacts_org_client" ON "contacts" USING btree ("organization_id", "client_id") ',
    );
  }
}
