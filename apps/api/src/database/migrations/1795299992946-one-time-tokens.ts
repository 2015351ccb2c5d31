import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OneTimeTokens1795299992946 implements MigrationInterface {
  name = 'OneTimeTokens1795299992946';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "one_time_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "user_id" uuid NOT NULL, "purpose" character varying(30) NOT NULL, "token_hash" character varying(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_22e595d22f108ce4f2843e043ae" UNIQUE ("token_hash"), CONSTRAINT "PK_8e470cc9ffc1b2afa054304db17" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_one_time_tokens_user" ON "one_time_tokens"  ("user_id") ');
    await queryRunner.query(
      'ALTER TABLE "one_time_tokens" ADD CONSTRAINT "FK_0dc2deee64e514ad6f7e69504e1" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "one_time_tokens" DROP CONSTRAINT "FK_0dc2deee64e514ad6f7e69504e1"');
    await queryRunner.query('DROP INDEX "public"."IDX_one_time_tokens_user"');
    await queryRunner.query('DROP TABLE "one_time_tokens"');
  }
}
