import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InvitationsAndEmailChange1795302931329 implements MigrationInterface {
  name = 'InvitationsAndEmailChange1795302931329';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "one_time_tokens" ADD "payload_enc" bytea');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "one_time_tokens" DROP COLUMN "payload_enc"');
  }
}
