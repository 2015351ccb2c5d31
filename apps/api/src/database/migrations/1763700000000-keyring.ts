import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Keyring1763700000000 implements MigrationInterface {
  name = 'Keyring1763700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "subject_keys" (
        "subject_id" varchar(120) NOT NULL,
        "wrapped_key" bytea,
        "master_key_fingerprint" varchar(16) NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "destroyed_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_subject_keys" PRIMARY KEY ("subject_id")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "subject_keys"`);
  }
}
