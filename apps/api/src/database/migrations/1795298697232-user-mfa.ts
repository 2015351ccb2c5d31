import type { MigrationInterface, QueryRunner } from 'typeorm';

export class UserMfa1795298697232 implements MigrationInterface {
  name = 'UserMfa1795298697232';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "users" ADD "mfa_secret_enc" bytea');
    await queryRunner.query('ALTER TABLE "users" ADD "mfa_enabled_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('ALTER TABLE "users" ADD "mfa_last_time_step" bigint');
    await queryRunner.query(
      'ALTER TABLE "users" ADD "mfa_recovery_hashes" character varying(64) array NOT NULL DEFAULT \'{}\'',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "users" DROP COLUMN "mfa_recovery_hashes"');
    await queryRunner.query('ALTER TABLE "users" DROP COLUMN "mfa_last_time_step"');
    await queryRunner.query('ALTER TABLE "users" DROP COLUMN "mfa_enabled_at"');
    await queryRunner.query('ALTER TABLE "users" DROP COLUMN "mfa_secret_enc"');
  }
}
