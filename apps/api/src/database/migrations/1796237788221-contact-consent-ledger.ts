import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The four purposes every organization starts with (the same as DEFAULT_PURPOSES when this was written). */
const DEFAULTS: Array<[string, string, string, boolean, string]> = [
  [
    'marketing-email',
    'Marketing email',
    'email',
    true,
    'I would like to receive news and offers by email. I can unsubscribe at any time.',
  ],
  [
    'marketing-sms',
    'Marketing SMS',
    'sms',
    true,
    'I would like to receive offers by text message. I can reply STOP at any time.',
  ],
  [
    'marketing-phone',
    'Marketing calls',
    'phone',
    true,
    'You may call me about offers and services. I can ask you to stop at any time.',
  ],
  [
    'profiling',
    'Profiling',
    'any',
    false,
    'You may analyse my purchases and contacts with you to tailor the offers you send me. I can object at any time.',
  ],
];

export class ContactConsentLedger1796237788221 implements MigrationInterface {
  name = 'ContactConsentLedger1796237788221';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "consent_confirmations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "contact_id" uuid NOT NULL, "token_hash" character varying(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_663fcdbb2f9b35ba75bdc11e3f1" UNIQUE ("token_hash"), CONSTRAINT "PK_c83390d13e21baeddfd16e36e53" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_consent_confirmations_expiry" ON "consent_confirmations"  ("expires_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_consent_confirmations_contact" ON "consent_confirmations"  ("organization_id", "contact_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "consent_purposes" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "key" character varying(40) NOT NULL, "name" character varying(120) NOT NULL, "channel" character varying(16) NOT NULL, "marketing" boolean NOT NULL, "current_wording_version" integer NOT NULL DEFAULT \'1\', "archived_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_26c0e39f6165c2eb78392340931" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_consent_purposes_org_key" ON "consent_purposes"  ("organization_id", "key") ',
    );
    await queryRunner.query(
      'CREATE TABLE "consent_purpose_wordings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "purpose_id" uuid NOT NULL, "version" integer NOT NULL, "text" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_708e90ea31c259e852fee8b5cd6" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_consent_purpose_wordings_version" ON "consent_purpose_wordings"  ("purpose_id", "version") ',
    );
    await queryRunner.query(
      'CREATE TABLE "contact_consent_entries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "seq" BIGSERIAL NOT NULL, "organization_id" uuid NOT NULL, "contact_id" uuid NOT NULL, "purpose_id" uuid NOT NULL, "wording_id" uuid, "action" character varying(16) NOT NULL, "lawful_basis" character varying(32), "source" character varying(16) NOT NULL, "recorded_by_kind" character varying(16) NOT NULL, "recorded_by_id" uuid, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, "confirmation_id" uuid, CONSTRAINT "PK_9c53d73938f838f0cd6dc98a261" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_contact_consent_entries_confirmation" ON "contact_consent_entries"  ("confirmation_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_contact_consent_entries_wording" ON "contact_consent_entries"  ("wording_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_contact_consent_entries_purpose" ON "contact_consent_entries"  ("purpose_id", "recorded_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_contact_consent_entries_latest" ON "contact_consent_entries"  ("organization_id", "contact_id", "purpose_id", "recorded_at", "seq") ',
    );
    await queryRunner.query('ALTER TABLE "contact_lists" ADD "purpose_key" character varying(40)');
    await queryRunner.query(
      'ALTER TABLE "consent_purpose_wordings" ADD CONSTRAINT "FK_ffee31653db8f727903eef3b4ae" FOREIGN KEY ("purpose_id") REFERENCES "consent_purposes"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "contact_consent_entries" ADD CONSTRAINT "FK_760cb820bc5a3c7a1d1964a35a9" FOREIGN KEY ("purpose_id") REFERENCES "consent_purposes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "contact_consent_entries" ADD CONSTRAINT "FK_6ee1197562c3b5dcef05e9aaefa" FOREIGN KEY ("wording_id") REFERENCES "consent_purpose_wordings"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );

    // Hand-written: the ledger is append-only. UPDATE is always refused; DELETE only inside an
    // erasure or retention purge (which set steward.consent_erasure for their transaction) or
    // from another trigger (a contact's deletion takes its entries with it, below).
    await queryRunner.query(`CREATE FUNCTION contact_consent_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND (pg_trigger_depth() > 1 OR current_setting('steward.consent_erasure', true) = 'on') THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION 'contact_consent_entries is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(
      'CREATE TRIGGER contact_consent_entries_append_only BEFORE UPDATE OR DELETE ON contact_consent_entries FOR EACH ROW EXECUTE FUNCTION contact_consent_entries_append_only()',
    );
    await queryRunner.query(
      'CREATE TRIGGER contact_consent_entries_no_truncate BEFORE TRUNCATE ON contact_consent_entries FOR EACH STATEMENT EXECUTE FUNCTION contact_consent_entries_append_only()',
    );
    // The CRM owns contacts and the ledger may not hold a TypeORM relation into it (import
    // boundaries), so the cascade a foreign key would give is this trigger.
    await queryRunner.query(`CREATE FUNCTION contact_consents_follow_contact() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM contact_consent_entries WHERE organization_id = OLD.organization_id AND contact_id = OLD.id;
        DELETE FROM consent_confirmations WHERE organization_id = OLD.organization_id AND contact_id = OLD.id;
        RETURN OLD;
      END $$`);
    await queryRunner.query(
      'CREATE TRIGGER contacts_consents_follow AFTER DELETE ON contacts FOR EACH ROW EXECUTE FUNCTION contact_consents_follow_contact()',
    );
    // Organizations that exist already get the defaults new ones get at creation.
    for (const [key, name, channel, marketing, wording] of DEFAULTS) {
      await queryRunner.query(
        `WITH purposes AS (
           INSERT INTO consent_purposes (organization_id, key, name, channel, marketing, version)
           SELECT id, $1, $2, $3, $4, 1 FROM organizations
           ON CONFLICT DO NOTHING RETURNING id, organization_id)
         INSERT INTO consent_purpose_wordings (organization_id, purpose_id, version, text)
         SELECT organization_id, id, 1, $5 FROM purposes`,
        [key, name, channel, marketing, wording],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER contacts_consents_follow ON contacts');
    await queryRunner.query('DROP FUNCTION contact_consents_follow_contact()');
    await queryRunner.query('DROP TRIGGER contact_consent_entries_no_truncate ON contact_consent_entries');
    await queryRunner.query('DROP TRIGGER contact_consent_entries_append_only ON contact_consent_entries');
    await queryRunner.query('DROP FUNCTION contact_consent_entries_append_only()');
    await queryRunner.query('ALTER TABLE "contact_consent_entries" DROP CONSTRAINT "FK_6ee1197562c3b5dcef05e9aaefa"');
    await queryRunner.query('ALTER TABLE "contact_consent_entries" DROP CONSTRAINT "FK_760cb820bc5a3c7a1d1964a35a9"');
    await queryRunner.query('ALTER TABLE "consent_purpose_wordings" DROP CONSTRAINT "FK_ffee31653db8f727903eef3b4ae"');
    await queryRunner.query('ALTER TABLE "contact_lists" DROP COLUMN "purpose_key"');
    await queryRunner.query('DROP INDEX "public"."IDX_contact_consent_entries_latest"');
    await queryRunner.query('DROP INDEX "public"."IDX_contact_consent_entries_purpose"');
    await queryRunner.query('DROP INDEX "public"."IDX_contact_consent_entries_wording"');
    await queryRunner.query('DROP INDEX "public"."IDX_contact_consent_entries_confirmation"');
    await queryRunner.query('DROP TABLE "contact_consent_entries"');
    await queryRunner.query('DROP INDEX "public"."UQ_consent_purpose_wordings_version"');
    await queryRunner.query('DROP TABLE "consent_purpose_wordings"');
    await queryRunner.query('DROP INDEX "public"."UQ_consent_purposes_org_key"');
    await queryRunner.query('DROP TABLE "consent_purposes"');
    await queryRunner.query('DROP INDEX "public"."IDX_consent_confirmations_contact"');
    await queryRunner.query('DROP INDEX "public"."IDX_consent_confirmations_expiry"');
    await queryRunner.query('DROP TABLE "consent_confirmations"');
  }
}
