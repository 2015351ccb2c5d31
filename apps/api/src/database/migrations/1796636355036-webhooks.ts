import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Webhooks1796636355036 implements MigrationInterface {
  name = 'Webhooks1796636355036';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "webhook_endpoints" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "url" character varying(2000) NOT NULL, "description" character varying(200) NOT NULL DEFAULT \'\', "event_types" character varying(64) array NOT NULL, "enabled" boolean NOT NULL DEFAULT true, "secret_sealed" bytea NOT NULL, "previous_secret_sealed" bytea, "previous_secret_expires_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_054c4cfb95223732f5939d2d546" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_webhook_endpoints_organization" ON "webhook_endpoints"  ("organization_id", "created_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "webhook_messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "event_id" character varying(40) NOT NULL, "type" character varying(64) NOT NULL, "data" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_526e8e1655924920adc4cd30dcd" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_webhook_messages_created" ON "webhook_messages"  ("created_at") ');
    await queryRunner.query('CREATE UNIQUE INDEX "UQ_webhook_messages_event" ON "webhook_messages"  ("event_id") ');
    await queryRunner.query(
      'CREATE TABLE "webhook_deliveries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "endpoint_id" uuid NOT NULL, "message_id" uuid NOT NULL, "status" character varying(16) NOT NULL, "attempt_count" integer NOT NULL DEFAULT \'0\', "next_attempt_at" TIMESTAMP WITH TIME ZONE, "last_attempt_at" TIMESTAMP WITH TIME ZONE, "last_http_status" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_535dd409947fb6d8fc6dfc0112a" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_webhook_deliveries_due" ON "webhook_deliveries"  ("next_attempt_at") ');
    await queryRunner.query('CREATE INDEX "IDX_webhook_deliveries_message" ON "webhook_deliveries"  ("message_id") ');
    await queryRunner.query(
      'CREATE INDEX "IDX_webhook_deliveries_endpoint" ON "webhook_deliveries"  ("endpoint_id", "created_at", "id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "webhook_attempts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "delivery_id" uuid NOT NULL, "attempt_number" integer NOT NULL, "attempted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "succeeded" boolean NOT NULL, "http_status" integer, "duration_ms" integer NOT NULL, "error" character varying(200), CONSTRAINT "PK_2de7e7887ad97de459adab62638" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_webhook_attempts_number" ON "webhook_attempts"  ("delivery_id", "attempt_number") ',
    );
    await queryRunner.query(
      'ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "FK_0b882c26a9b91c26e6e86b4867c" FOREIGN KEY ("endpoint_id") REFERENCES "webhook_endpoints"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "FK_35330ff895962f7bd8a46c18177" FOREIGN KEY ("message_id") REFERENCES "webhook_messages"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "webhook_attempts" ADD CONSTRAINT "FK_0d56d91d61b827bb2079c256538" FOREIGN KEY ("delivery_id") REFERENCES "webhook_deliveries"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "webhook_attempts" DROP CONSTRAINT "FK_0d56d91d61b827bb2079c256538"');
    await queryRunner.query('ALTER TABLE "webhook_deliveries" DROP CONSTRAINT "FK_35330ff895962f7bd8a46c18177"');
    await queryRunner.query('ALTER TABLE "webhook_deliveries" DROP CONSTRAINT "FK_0b882c26a9b91c26e6e86b4867c"');
    await queryRunner.query('DROP INDEX "public"."UQ_webhook_attempts_number"');
    await queryRunner.query('DROP TABLE "webhook_attempts"');
    await queryRunner.query('DROP INDEX "public"."IDX_webhook_deliveries_endpoint"');
    await queryRunner.query('DROP INDEX "public"."IDX_webhook_deliveries_message"');
    await queryRunner.query('DROP INDEX "public"."IDX_webhook_deliveries_due"');
    await queryRunner.query('DROP TABLE "webhook_deliveries"');
    await queryRunner.query('DROP INDEX "public"."UQ_webhook_messages_event"');
    await queryRunner.query('DROP INDEX "public"."IDX_webhook_messages_created"');
    await queryRunner.query('DROP TABLE "webhook_messages"');
    await queryRunner.query('DROP INDEX "public"."IDX_webhook_endpoints_organization"');
    await queryRunner.query('DROP TABLE "webhook_endpoints"');
  }
}
