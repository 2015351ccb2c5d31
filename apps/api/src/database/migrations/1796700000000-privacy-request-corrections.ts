import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Rectification requests carry proposed corrections (sealed) and the officer's decision per field. */
export class PrivacyRequestCorrections1796700000000 implements MigrationInterface {
  name = 'PrivacyRequestCorrections1796700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "privacy_requests" ADD "corrections_enc" bytea');
    await queryRunner.query('ALTER TABLE "privacy_requests" ADD "corrections" jsonb NOT NULL DEFAULT \'[]\'');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "privacy_requests" DROP COLUMN "corrections"');
    await queryRunner.query('ALTER TABLE "privacy_requests" DROP COLUMN "corrections_enc"');
  }
}
