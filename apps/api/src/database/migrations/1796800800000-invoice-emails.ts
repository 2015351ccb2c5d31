import type { MigrationInterface, QueryRunner } from 'typeorm';

/** When an invoice was last emailed to its bill-to address, and what the mail server did with it. */
export class InvoiceEmails1796800800000 implements MigrationInterface {
  name = 'InvoiceEmails1796800800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "invoices" ADD "emailed_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('ALTER TABLE "invoices" ADD "email_delivery" character varying(10)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "invoices" DROP COLUMN "email_delivery"');
    await queryRunner.query('ALTER TABLE "invoices" DROP COLUMN "emailed_at"');
  }
}
