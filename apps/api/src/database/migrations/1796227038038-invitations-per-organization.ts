import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InvitationsPerOrganization1796227038038 implements MigrationInterface {
  name = 'InvitationsPerOrganization1796227038038';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "users" DROP CONSTRAINT "UQ_498cf712f15452d301a943fd5c6"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_users_organization_email" ON "users"  ("organization_id", "email_index") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_users_account_email" ON "users"  ("email_index") WHERE "state" <> \'invited\'',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."UQ_users_account_email"');
    await queryRunner.query('DROP INDEX "public"."UQ_users_organization_email"');
    await queryRunner.query(
      'ALTER TABLE "users" ADD CONSTRAINT "UQ_498cf712f15452d301a943fd5c6" UNIQUE ("email_index")',
    );
  }
}
