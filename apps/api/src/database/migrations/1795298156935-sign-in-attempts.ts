import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SignInAttempts1795298156935 implements MigrationInterface {
  name = 'SignInAttempts1795298156935';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "sign_in_attempts" ("key" character varying(100) NOT NULL, "failures" integer NOT NULL DEFAULT \'0\', "last_failure_at" TIMESTAMP WITH TIME ZONE NOT NULL, "locked_until" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_df3d09968fb1f35413047cd2010" PRIMARY KEY ("key"))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "sign_in_attempts"');
  }
}
