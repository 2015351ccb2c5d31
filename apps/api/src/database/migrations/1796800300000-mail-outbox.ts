import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The mail outbox: sealed messages waiting for the mail server, and what stays of them once sent or given up. */
export class MailOutbox1796800300000 implements MigrationInterface {
  name = 'MailOutbox1796800300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "mail_outbox" ("id" uuid NOT NULL, "message_sealed" bytea, "attempts" integer NOT NULL DEFAULT \'0\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "next_attempt_at" TIMESTAMP WITH TIME ZONE, "last_attempt_at" TIMESTAMP WITH TIME ZONE, "sent_at" TIMESTAMP WITH TIME ZONE, "failed_at" TIMESTAMP WITH TIME ZONE, "last_error" character varying(200), CONSTRAINT "PK_fecc63c96385bc35a39ccf2a72e" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_mail_outbox_due" ON "mail_outbox"  ("next_attempt_at") WHERE next_attempt_at IS NOT NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_mail_outbox_due"');
    await queryRunner.query('DROP TABLE "mail_outbox"');
  }
}
