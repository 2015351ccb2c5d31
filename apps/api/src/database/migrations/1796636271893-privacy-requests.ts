import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PrivacyRequests1796636271893 implements MigrationInterface {
  name = 'PrivacyRequests1796636271893';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "privacy_requests" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "type" character varying(24) NOT NULL, "status" character varying(24) NOT NULL, "channel" character varying(24) NOT NULL, "requester_email_enc" bytea, "requester_email_index" character varying(64), "requester_name_enc" bytea, "message_enc" bytea, "identity_check_enc" bytea, "extension_reason_enc" bytea, "rejection_reason_enc" bytea, "requester_user_id" uuid, "assignee_id" uuid, "subjects" jsonb NOT NULL DEFAULT \'[]\', "verification_token_hash" character varying(64), "verification_expires_at" TIMESTAMP WITH TIME ZONE, "received_at" TIMESTAMP WITH TIME ZONE, "due_at" TIMESTAMP WITH TIME ZONE, "extended_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "fulfilment" character varying(24), CONSTRAINT "UQ_722956ffbb13003b2c09966d956" UNIQUE ("verification_token_hash"), CONSTRAINT "PK_fbdea00fb2fcf274bf0d2ddf2c2" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_privacy_requests_unverified" ON "privacy_requests"  ("status", "created_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_privacy_requests_user" ON "privacy_requests"  ("organization_id", "requester_user_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_privacy_requests_email" ON "privacy_requests"  ("organization_id", "requester_email_index") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_privacy_requests_assignee" ON "privacy_requests"  ("organization_id", "assignee_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_privacy_requests_created" ON "privacy_requests"  ("organization_id", "created_at", "id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_privacy_requests_desk" ON "privacy_requests"  ("organization_id", "status", "due_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "privacy_request_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "seq" BIGSERIAL NOT NULL, "organization_id" uuid NOT NULL, "request_id" uuid NOT NULL, "type" character varying(32) NOT NULL, "actor_kind" character varying(16) NOT NULL, "actor_id" uuid, "from_status" character varying(24), "to_status" character varying(24), "details" jsonb NOT NULL DEFAULT \'{}\', "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_1b14983505c767cdce552881c86" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_privacy_request_events_request" ON "privacy_request_events"  ("request_id", "seq") ',
    );
    await queryRunner.query(
      'ALTER TABLE "privacy_request_events" ADD CONSTRAINT "FK_a544775953c286171ef068d24b9" FOREIGN KEY ("request_id") REFERENCES "privacy_requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );

    // Hand-written: a request's history is append-only. UPDATE is always refused; DELETE only
    // when it follows its request (the foreign key's cascade runs as a trigger) or inside a
    // purge that set steward.privacy_request_purge for its transaction.
    await queryRunner.query(`CREATE FUNCTION privacy_request_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND (pg_trigger_depth() > 1 OR current_setting('steward.privacy_request_purge', true) = 'on') THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION 'privacy_request_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(
      'CREATE TRIGGER privacy_request_events_append_only BEFORE UPDATE OR DELETE ON privacy_request_events FOR EACH ROW EXECUTE FUNCTION privacy_request_events_append_only()',
    );
    await queryRunner.query(
      'CREATE TRIGGER privacy_request_events_no_truncate BEFORE TRUNCATE ON privacy_request_events FOR EACH STATEMENT EXECUTE FUNCTION privacy_request_events_append_only()',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER privacy_request_events_no_truncate ON privacy_request_events');
    await queryRunner.query('DROP TRIGGER privacy_request_events_append_only ON privacy_request_events');
    await queryRunner.query('DROP FUNCTION privacy_request_events_append_only()');
    await queryRunner.query('ALTER TABLE "privacy_request_events" DROP CONSTRAINT "FK_a544775953c286171ef068d24b9"');
    await queryRunner.query('DROP INDEX "public"."IDX_privacy_request_events_request"');
    await queryRunner.query('DROP TABLE "privacy_request_events"');
    await queryRunner.query('DROP INDEX "public"."IDX_privacy_requests_desk"');
    await queryRunner.query('DROP INDEX "public"."IDX_privacy_requests_created"');
    await queryRunner.query('DROP INDEX "public"."IDX_privacy_requests_assignee"');
    await queryRunner.query('DROP INDEX "public"."IDX_privacy_requests_email"');
    await queryRunner.query('DROP INDEX "public"."IDX_privacy_requests_user"');
    await queryRunner.query('DROP INDEX "public"."IDX_privacy_requests_unverified"');
    await queryRunner.query('DROP TABLE "privacy_requests"');
  }
}
