import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The deferred trigger that chains a queued audit entry at COMMIT (1795330000000), deleting the queued row by `where`. */
const auditPendingChain = (where: string) => `
      CREATE OR REPLACE FUNCTION audit_pending_chain() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO audit_entries (organization_id, actor_kind, actor_id, action, target_type, target_id,
                                   outcome, request_id, ip, user_agent, details)
        VALUES (NEW.organization_id, NEW.actor_kind, NEW.actor_id, NEW.action, NEW.target_type, NEW.target_id,
                NEW.outcome, NEW.request_id, NEW.ip, NEW.user_agent, NEW.details);
        DELETE FROM audit_pending WHERE ${where};
        RETURN NULL;
      END
      $$`;

/**
 * Every primary, unique and foreign key of a tenant table carries organization_id: the shape
 * a sharded PostgreSQL (Citus) distributed by organization_id needs, where a key can only be
 * enforced within one shard (docs/operations.md "From one PostgreSQL to read replicas to
 * Citus"). Primary keys become (organization_id, id); foreign keys between tenant tables
 * become (organization_id, x_id) REFERENCES t (organization_id, id), and ON DELETE SET NULL
 * names only x_id, so organization_id is never nulled (PostgreSQL 15). Tokens looked up
 * before the tenant is known (sessions, API key prefixes, one-time links, consent and
 * request verification) keep a plain index on the hash; their uniqueness is per organization.
 * Left as they are, and why (test/security/tenant-keys.e2e-spec.ts holds the list):
 * users' one-account-per-email index, cookie_consents (visitors have no organization) and
 * the foreign keys to the shared tables policy_versions and retention_runs.
 */

export class TenantKeys1796800600000 implements MigrationInterface {
  name = 'TenantKeys1796800600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "consent_purpose_wordings" DROP CONSTRAINT "FK_ffee31653db8f727903eef3b4ae"');
    await queryRunner.query('ALTER TABLE "contact_consent_entries" DROP CONSTRAINT "FK_760cb820bc5a3c7a1d1964a35a9"');
    await queryRunner.query('ALTER TABLE "contact_consent_entries" DROP CONSTRAINT "FK_6ee1197562c3b5dcef05e9aaefa"');
    await queryRunner.query('ALTER TABLE "contacts" DROP CONSTRAINT "FK_72d1013c43a0198e905290831e5"');
    await queryRunner.query('ALTER TABLE "communications" DROP CONSTRAINT "FK_21151e9c336d8ac16f10f379882"');
    await queryRunner.query('ALTER TABLE "communications" DROP CONSTRAINT "FK_2d94b39e3dc02ea25c7a98b7036"');
    await queryRunner.query('ALTER TABLE "contact_list_members" DROP CONSTRAINT "FK_1c35d53c48a13b4905293d1734c"');
    await queryRunner.query('ALTER TABLE "contact_list_members" DROP CONSTRAINT "FK_e7ca3d74b038f08c0e0786dceba"');
    await queryRunner.query('ALTER TABLE "jobs" DROP CONSTRAINT "FK_dec6205e2cd13841763710f9892"');
    await queryRunner.query('ALTER TABLE "invoices" DROP CONSTRAINT "FK_5534ba11e10f1a9953cbdaabf16"');
    await queryRunner.query('ALTER TABLE "invoices" DROP CONSTRAINT "FK_7b1042679bfaa0ea492081091bf"');
    await queryRunner.query('ALTER TABLE "payments" DROP CONSTRAINT "FK_563a5e248518c623eebd987d43e"');
    await queryRunner.query('ALTER TABLE "schedule_entries" DROP CONSTRAINT "FK_382bde2bf42d7fe7b853bc82cd9"');
    await queryRunner.query('ALTER TABLE "schedule_entries" DROP CONSTRAINT "FK_b1ac70e3d4c0386983ec25891b6"');
    await queryRunner.query('ALTER TABLE "one_time_tokens" DROP CONSTRAINT "FK_0dc2deee64e514ad6f7e69504e1"');
    await queryRunner.query('ALTER TABLE "sessions" DROP CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19"');
    await queryRunner.query('ALTER TABLE "privacy_request_events" DROP CONSTRAINT "FK_a544775953c286171ef068d24b9"');
    await queryRunner.query('ALTER TABLE "webhook_deliveries" DROP CONSTRAINT "FK_0b882c26a9b91c26e6e86b4867c"');
    await queryRunner.query('ALTER TABLE "webhook_deliveries" DROP CONSTRAINT "FK_35330ff895962f7bd8a46c18177"');
    await queryRunner.query('ALTER TABLE "webhook_attempts" DROP CONSTRAINT "FK_0d56d91d61b827bb2079c256538"');
    await queryRunner.query('DROP INDEX "public"."UQ_consent_purpose_wordings_version"');
    await queryRunner.query('DROP INDEX "public"."IDX_contact_consent_entries_wording"');
    await queryRunner.query('DROP INDEX "public"."IDX_contact_consent_entries_purpose"');
    await queryRunner.query('DROP INDEX "public"."UQ_policy_acceptances_user_number"');
    await queryRunner.query('DROP INDEX "public"."IDX_contact_list_members_contact"');
    await queryRunner.query('DROP INDEX "public"."IDX_invoices_job"');
    await queryRunner.query('DROP INDEX "public"."IDX_payments_invoice"');
    await queryRunner.query('DROP INDEX "public"."IDX_schedule_entries_job"');
    await queryRunner.query('DROP INDEX "public"."IDX_schedule_entries_client"');
    await queryRunner.query('DROP INDEX "public"."IDX_one_time_tokens_user"');
    await queryRunner.query('DROP INDEX "public"."IDX_sessions_user"');
    await queryRunner.query('DROP INDEX "public"."IDX_privacy_request_events_request"');
    await queryRunner.query('DROP INDEX "public"."UQ_webhook_messages_event"');
    await queryRunner.query('DROP INDEX "public"."IDX_webhook_deliveries_message"');
    await queryRunner.query('DROP INDEX "public"."IDX_webhook_deliveries_endpoint"');
    await queryRunner.query('DROP INDEX "public"."UQ_webhook_attempts_number"');
    await queryRunner.query('ALTER TABLE "usage_daily" DROP CONSTRAINT "PK_b0d404396506036eee9af200809"');
    await queryRunner.query(
      'ALTER TABLE "usage_daily" ADD CONSTRAINT "PK_e03571f0eacd6a3a96107fa784a" PRIMARY KEY ("organization_id", "id")',
    );
    await queryRunner.query('ALTER TABLE "usage_events" DROP CONSTRAINT "PK_c9f17d50873fab2c46615f542bc"');
    await queryRunner.query(
      'ALTER TABLE "usage_events" ADD CONSTRAINT "PK_eeb5aefa3fe7aa1f88f951f0861" PRIMARY KEY ("organization_id", "id")',
    );
    await queryRunner.query('ALTER TABLE "consent_confirmations" DROP CONSTRAINT "PK_c83390d13e21baeddfd16e36e53"');
    await queryRunner.query(
      'ALTER TABLE "consent_confirmations" ADD CONSTRAINT "PK_b41dad6eddd2fc4e2f4d166c5d3" PRIMARY KEY ("organization_id", "id")',
    );
    await queryRunner.query('ALTER TABLE "consent_purposes" DROP CONSTRAINT "PK_26c0e39f6165c2eb78392340931"');
    await queryRunner.query(
      'ALTER TABLE "consent_purposes" ADD CONSTRAINT "PK_f9f88c4151a7d9c47a0e5a55600" PRIMARY KEY ("organization_id", "id")',
    );
    await queryRunner.query('ALTER TABLE "consent_purpose_wordings" DROP CONSTRAINT "PK_708e90ea31c259e852fee8b5cd6"');
    await queryRunner.query(
      'ALTER TABLE "consent_purpose_wordings" ADD CONSTRAINT "PK_6001f0e6de18d80820d4dcf81b9" PRIMARY KEY ("organization_id", "id")',
    );
    await queryRunner.query('ALTER TABLE "contact_consent_entries" DROP CONSTRAINT "PK_9c53d73938f838f0cd6dc98a261"');
    await queryRunner.query(
      'ALTER TABLE "contact_consent_entries" ADD CONSTRAINT "PK_36cc09033b222fdb1e99bff6291" PRIMARY KEY ("organization_id", "id")',
    );
    await queryRunner.query('ALTER TABLE "policy_acceptances" DROP CONSTRAINT "PK_policy_acceptances"');
    await queryRunner.query(
      'ALTER TABLE "policy_acceptances" ADD CONSTRAINT "PK_policy_acceptances" PRIMARY KEY ("organization_id", "id")',
    );
    await queryRunner.query('ALTER TABLE "crm_activity" DROP CONSTRAINT "PK_7474a16af410dd0560653122dcb"');
    await queryRunner.query(
      'ALTER TABLE "crm_activity" ADD CONSTRAINT "PK_d2de95a30e4e9bb67737b0154e5" PRIMARY KEY ("organization_id", "id")',
    );
    await queryRunner.query('ALTER TABLE "clients" DROP CONSTRAINT "PK_f1ab7cf3a5714dbc6bb4e1c28a4"');
    await queryRunner.query(
      'ALTER TABLE "clients" ADD CONSTRAINT "PK_9c7056e6be26c90879527cd3053" PRIMARY KEY ("organization_id", "id")',
    );
    await queryRunner.query('ALTER TABLE "contacts" DROP CONSTRAINT "PK_b99cd40cfd66a99f1571f4f72e6"');
    await queryRunner.query(
      'ALTER TABLE "contacts" ADD CONSTRAINT "PK_529a46a2bc93a90db673f2423a4" PRIMARY KEY ("organization_id", "id")',
    );
    await queryRunner.query('ALTER TABLE "communications" DROP CONSTRAINT "PK_29ec793018d5d5ca19d40149e87"');
    await queryRunner.query(
      'ALTER TABLE "communications" ADD CONSTRAINT "PK_d93c8dbf478dd571d363c6b789c" PRIMARY KEY ("organization_id", "id")',
    );
    await queryRunner.query('ALTER TABLE "contact_lists" DROP CONSTRAINT "PK_9d9c15bed294d0779669dc7069c"');
    await queryRunner.query(
      'ALTER TABLE "contact_lists" ADD CONSTRAINT "PK_584afb0dc6e426a1b899eface0b" PRIMARY KEY ("organization_id", "id")',
    );
    await queryRunner.query('ALTER TABLE "contact_list_members" DROP CONSTRAINT "PK_fac5fbeb31b2bf7ed01a5f9cefc"');
    await queryRunner.query(
      'ALTER TABLE "contact_list_members" ADD CONSTRAINT "PK_b334ea6c9a49e150f4b1efa3863" PRIMARY KEY ("organization_id", "list_id", "contact_id")',
    );
    await queryRunner.query('ALTER TABLE "jobs" DROP CONSTRAINT "PK_cf0a6c42b72fcc7f7c237def345"');
    await queryRunner.query(
      'ALTER TABLE "jobs" ADD CONSTRAINT "PK_d4d047d79dcbbe52b9dc7d67566" PRIMARY KEY ("organization_id", "id")',
    );
    await queryRunner.query('ALTER TABLE "invoices" DROP CONSTRAINT "PK_668cef7c22a427fd822cc1be3ce"');
    await queryRunner.query(
      'ALTER TABLE "invoices" ADD CONSTRAINT "PK_2d05c7f81703d1b508bb4314bf8" PRIMARY KEY ("organization_id", "id")',
    );
    await queryRunner.query('ALTER TABLE "payments" DROP CONSTRAINT "PK_197ab7af18c93fbb0c9b28b4a59"');
    await queryRunner.query(
      'ALTER TABLE "payments" ADD CONSTRAINT "PK_602879709e9797d373254e5adb1" PRIMARY KEY ("organization_id", "id")',
    );
    await queryRunner.query('ALTER TABLE "schedule_entries" DROP CONSTRAINT "PK_bfe848ea36c4b3d8a4b18ec82aa"');
    await queryRunner.query(
      'ALTER TABLE "schedule_entries" ADD CONSTRAINT "PK_d40306d5a6580a6c8d3c6787639" PRIMARY KEY ("organization_id", "id")',
    );
    await queryRunner.query('ALTER TABLE "tax_policies" DROP CONSTRAINT "PK_9ae910812088171e36ca678e22b"');
    await queryRunner.query(
      'ALTER TABLE "tax_policies" ADD CONSTRAINT "PK_39000d5ba4f92b405ed4444ca86" PRIMARY KEY ("organization_id", "id")',
    );
    await queryRunner.query('ALTER TABLE "api_keys" DROP CONSTRAINT "PK_5c8a79801b44bd27b79228e1dad"');
    await queryRunner.query(
      'ALTER TABLE "api_keys" ADD CONSTRAINT "PK_751e3663c1005cb4ccc93d475c3" PRIMARY KEY ("organization_id", "id")',
    );
    await queryRunner.query('ALTER TABLE "branches" DROP CONSTRAINT "PK_7f37d3b42defea97f1df0d19535"');
    await queryRunner.query(
      'ALTER TABLE "branches" ADD CONSTRAINT "PK_966095b5934a184d279eb134520" PRIMARY KEY ("organization_id", "id")',
    );
    await queryRunner.query('ALTER TABLE "users" DROP CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433"');
    await queryRunner.query(
      'ALTER TABLE "users" ADD CONSTRAINT "PK_d44e049baf1987168ad1b16c945" PRIMARY KEY ("organization_id", "id")',
    );
    await queryRunner.query('ALTER TABLE "one_time_tokens" DROP CONSTRAINT "PK_8e470cc9ffc1b2afa054304db17"');
    await queryRunner.query(
      'ALTER TABLE "one_time_tokens" ADD CONSTRAINT "PK_0fb2aa64e5629e9c1c1b846bf52" PRIMARY KEY ("organization_id", "id")',
    );
    await queryRunner.query('ALTER TABLE "sessions" DROP CONSTRAINT "PK_3238ef96f18b355b671619111bc"');
    await queryRunner.query(
      'ALTER TABLE "sessions" ADD CONSTRAINT "PK_e7f3310d1b2a62f646d3abb76c4" PRIMARY KEY ("organization_id", "id")',
    );
    await queryRunner.query('ALTER TABLE "privacy_requests" DROP CONSTRAINT "PK_fbdea00fb2fcf274bf0d2ddf2c2"');
    await queryRunner.query(
      'ALTER TABLE "privacy_requests" ADD CONSTRAINT "PK_e1a8dabc3b04f1a70fc34845d3a" PRIMARY KEY ("organization_id", "id")',
    );
    await queryRunner.query('ALTER TABLE "privacy_request_events" DROP CONSTRAINT "PK_1b14983505c767cdce552881c86"');
    await queryRunner.query(
      'ALTER TABLE "privacy_request_events" ADD CONSTRAINT "PK_d872cc643233349cfaa493c3fe3" PRIMARY KEY ("organization_id", "id")',
    );
    await queryRunner.query('ALTER TABLE "legal_holds" DROP CONSTRAINT "PK_bbe3e0c98678909493a90442dfb"');
    await queryRunner.query(
      'ALTER TABLE "legal_holds" ADD CONSTRAINT "PK_67058ab7216f6f122d62136365f" PRIMARY KEY ("organization_id", "id")',
    );
    await queryRunner.query('ALTER TABLE "retention_receipts" DROP CONSTRAINT "PK_e0793965c7852fa4d6305859980"');
    await queryRunner.query(
      'ALTER TABLE "retention_receipts" ADD CONSTRAINT "PK_5a41520d20382550f632a4c68aa" PRIMARY KEY ("organization_id", "id")',
    );
    await queryRunner.query('ALTER TABLE "webhook_endpoints" DROP CONSTRAINT "PK_054c4cfb95223732f5939d2d546"');
    await queryRunner.query(
      'ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "PK_aa44af3ed57e7081569a62e0e96" PRIMARY KEY ("organization_id", "id")',
    );
    await queryRunner.query('ALTER TABLE "webhook_messages" DROP CONSTRAINT "PK_526e8e1655924920adc4cd30dcd"');
    await queryRunner.query(
      'ALTER TABLE "webhook_messages" ADD CONSTRAINT "PK_246e52008dd6e669d993d3ab639" PRIMARY KEY ("organization_id", "id")',
    );
    await queryRunner.query('ALTER TABLE "webhook_deliveries" DROP CONSTRAINT "PK_535dd409947fb6d8fc6dfc0112a"');
    await queryRunner.query(
      'ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "PK_24cb0452b7280b0c67c232ba3bf" PRIMARY KEY ("organization_id", "id")',
    );
    await queryRunner.query('ALTER TABLE "webhook_attempts" DROP CONSTRAINT "PK_2de7e7887ad97de459adab62638"');
    await queryRunner.query(
      'ALTER TABLE "webhook_attempts" ADD CONSTRAINT "PK_9ae15d4a7491ae55fe8b1190c7d" PRIMARY KEY ("organization_id", "id")',
    );
    await queryRunner.query('ALTER TABLE "consent_confirmations" DROP CONSTRAINT "UQ_663fcdbb2f9b35ba75bdc11e3f1"');
    await queryRunner.query('ALTER TABLE "api_keys" DROP CONSTRAINT "UQ_6f6105c8efe05b310d046cbdb3d"');
    await queryRunner.query('ALTER TABLE "one_time_tokens" DROP CONSTRAINT "UQ_22e595d22f108ce4f2843e043ae"');
    await queryRunner.query('ALTER TABLE "sessions" DROP CONSTRAINT "UQ_abaa9e068cdd390bc5210f79884"');
    await queryRunner.query('ALTER TABLE "privacy_requests" DROP CONSTRAINT "UQ_722956ffbb13003b2c09966d956"');
    await queryRunner.query(
      'CREATE INDEX "IDX_consent_confirmations_token_hash" ON "consent_confirmations"  ("token_hash") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_consent_confirmations_organization_token" ON "consent_confirmations"  ("organization_id", "token_hash") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_consent_purpose_wordings_version" ON "consent_purpose_wordings"  ("organization_id", "purpose_id", "version") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_contact_consent_entries_wording" ON "contact_consent_entries"  ("wording_id", "organization_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_contact_consent_entries_purpose" ON "contact_consent_entries"  ("organization_id", "purpose_id", "recorded_at") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_policy_acceptances_user_number" ON "policy_acceptances"  ("organization_id", "user_id", "number") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_contact_list_members_contact" ON "contact_list_members"  ("contact_id", "organization_id") ',
    );
    await queryRunner.query('CREATE INDEX "IDX_invoices_job" ON "invoices"  ("job_id", "organization_id") ');
    await queryRunner.query('CREATE INDEX "IDX_payments_invoice" ON "payments"  ("invoice_id", "organization_id") ');
    await queryRunner.query(
      'CREATE INDEX "IDX_schedule_entries_client" ON "schedule_entries"  ("client_id", "organization_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_schedule_entries_job" ON "schedule_entries"  ("job_id", "organization_id") ',
    );
    await queryRunner.query('CREATE INDEX "IDX_api_keys_prefix" ON "api_keys"  ("prefix") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_api_keys_organization_prefix" ON "api_keys"  ("organization_id", "prefix") ',
    );
    await queryRunner.query('CREATE INDEX "IDX_one_time_tokens_token_hash" ON "one_time_tokens"  ("token_hash") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_one_time_tokens_organization_token" ON "one_time_tokens"  ("organization_id", "token_hash") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_one_time_tokens_user" ON "one_time_tokens"  ("organization_id", "user_id") ',
    );
    await queryRunner.query('CREATE INDEX "IDX_sessions_token_hash" ON "sessions"  ("token_hash") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_sessions_organization_token" ON "sessions"  ("organization_id", "token_hash") ',
    );
    await queryRunner.query('CREATE INDEX "IDX_sessions_user" ON "sessions"  ("organization_id", "user_id") ');
    await queryRunner.query(
      'CREATE INDEX "IDX_privacy_requests_verification_token_hash" ON "privacy_requests"  ("verification_token_hash") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_privacy_requests_organization_verification" ON "privacy_requests"  ("organization_id", "verification_token_hash") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_privacy_request_events_request" ON "privacy_request_events"  ("organization_id", "request_id", "seq") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_webhook_messages_event" ON "webhook_messages"  ("organization_id", "event_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_webhook_deliveries_message" ON "webhook_deliveries"  ("message_id", "organization_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_webhook_deliveries_endpoint" ON "webhook_deliveries"  ("organization_id", "endpoint_id", "created_at", "id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_webhook_attempts_number" ON "webhook_attempts"  ("organization_id", "delivery_id", "attempt_number") ',
    );
    await queryRunner.query(
      'ALTER TABLE "consent_purpose_wordings" ADD CONSTRAINT "FK_consent_purpose_wordings_purpose" FOREIGN KEY ("organization_id", "purpose_id") REFERENCES "consent_purposes"("organization_id","id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "contact_consent_entries" ADD CONSTRAINT "FK_contact_consent_entries_wording" FOREIGN KEY ("organization_id", "wording_id") REFERENCES "consent_purpose_wordings"("organization_id","id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "contact_consent_entries" ADD CONSTRAINT "FK_contact_consent_entries_purpose" FOREIGN KEY ("organization_id", "purpose_id") REFERENCES "consent_purposes"("organization_id","id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "contacts" ADD CONSTRAINT "FK_contacts_client" FOREIGN KEY ("organization_id", "client_id") REFERENCES "clients"("organization_id","id") ON DELETE SET NULL ("client_id") ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "communications" ADD CONSTRAINT "FK_communications_contact" FOREIGN KEY ("organization_id", "contact_id") REFERENCES "contacts"("organization_id","id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "communications" ADD CONSTRAINT "FK_communications_client" FOREIGN KEY ("organization_id", "client_id") REFERENCES "clients"("organization_id","id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "contact_list_members" ADD CONSTRAINT "FK_contact_list_members_contact" FOREIGN KEY ("organization_id", "contact_id") REFERENCES "contacts"("organization_id","id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "contact_list_members" ADD CONSTRAINT "FK_contact_list_members_list" FOREIGN KEY ("organization_id", "list_id") REFERENCES "contact_lists"("organization_id","id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "jobs" ADD CONSTRAINT "FK_jobs_client" FOREIGN KEY ("organization_id", "client_id") REFERENCES "clients"("organization_id","id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "invoices" ADD CONSTRAINT "FK_invoices_job" FOREIGN KEY ("organization_id", "job_id") REFERENCES "jobs"("organization_id","id") ON DELETE SET NULL ("job_id") ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "invoices" ADD CONSTRAINT "FK_invoices_client" FOREIGN KEY ("organization_id", "client_id") REFERENCES "clients"("organization_id","id") ON DELETE SET NULL ("client_id") ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "payments" ADD CONSTRAINT "FK_payments_invoice" FOREIGN KEY ("organization_id", "invoice_id") REFERENCES "invoices"("organization_id","id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "schedule_entries" ADD CONSTRAINT "FK_schedule_entries_client" FOREIGN KEY ("organization_id", "client_id") REFERENCES "clients"("organization_id","id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "schedule_entries" ADD CONSTRAINT "FK_schedule_entries_job" FOREIGN KEY ("organization_id", "job_id") REFERENCES "jobs"("organization_id","id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "one_time_tokens" ADD CONSTRAINT "FK_one_time_tokens_user" FOREIGN KEY ("organization_id", "user_id") REFERENCES "users"("organization_id","id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "sessions" ADD CONSTRAINT "FK_sessions_user" FOREIGN KEY ("organization_id", "user_id") REFERENCES "users"("organization_id","id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "privacy_request_events" ADD CONSTRAINT "FK_privacy_request_events_request" FOREIGN KEY ("organization_id", "request_id") REFERENCES "privacy_requests"("organization_id","id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "FK_webhook_deliveries_message" FOREIGN KEY ("organization_id", "message_id") REFERENCES "webhook_messages"("organization_id","id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "FK_webhook_deliveries_endpoint" FOREIGN KEY ("organization_id", "endpoint_id") REFERENCES "webhook_endpoints"("organization_id","id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "webhook_attempts" ADD CONSTRAINT "FK_webhook_attempts_delivery" FOREIGN KEY ("organization_id", "delivery_id") REFERENCES "webhook_deliveries"("organization_id","id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query('CREATE INDEX "IDX_data_exports_id" ON "data_exports" ("id")');
    // audit_pending has no entity: its rows live from an INSERT to the COMMIT that chains them.
    await queryRunner.query('ALTER TABLE "audit_pending" DROP CONSTRAINT "audit_pending_pkey"');
    await queryRunner.query(
      'ALTER TABLE "audit_pending" ADD CONSTRAINT "audit_pending_pkey" PRIMARY KEY ("organization_id", "id")',
    );
    await queryRunner.query(auditPendingChain('organization_id = NEW.organization_id AND id = NEW.id'));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(auditPendingChain('id = NEW.id'));
    await queryRunner.query('DROP INDEX "public"."IDX_data_exports_id"');
    await queryRunner.query('ALTER TABLE "audit_pending" DROP CONSTRAINT "audit_pending_pkey"');
    await queryRunner.query('ALTER TABLE "audit_pending" ADD CONSTRAINT "audit_pending_pkey" PRIMARY KEY ("id")');
    await queryRunner.query('ALTER TABLE "webhook_attempts" DROP CONSTRAINT "FK_webhook_attempts_delivery"');
    await queryRunner.query('ALTER TABLE "webhook_deliveries" DROP CONSTRAINT "FK_webhook_deliveries_endpoint"');
    await queryRunner.query('ALTER TABLE "webhook_deliveries" DROP CONSTRAINT "FK_webhook_deliveries_message"');
    await queryRunner.query('ALTER TABLE "privacy_request_events" DROP CONSTRAINT "FK_privacy_request_events_request"');
    await queryRunner.query('ALTER TABLE "sessions" DROP CONSTRAINT "FK_sessions_user"');
    await queryRunner.query('ALTER TABLE "one_time_tokens" DROP CONSTRAINT "FK_one_time_tokens_user"');
    await queryRunner.query('ALTER TABLE "schedule_entries" DROP CONSTRAINT "FK_schedule_entries_job"');
    await queryRunner.query('ALTER TABLE "schedule_entries" DROP CONSTRAINT "FK_schedule_entries_client"');
    await queryRunner.query('ALTER TABLE "payments" DROP CONSTRAINT "FK_payments_invoice"');
    await queryRunner.query('ALTER TABLE "invoices" DROP CONSTRAINT "FK_invoices_client"');
    await queryRunner.query('ALTER TABLE "invoices" DROP CONSTRAINT "FK_invoices_job"');
    await queryRunner.query('ALTER TABLE "jobs" DROP CONSTRAINT "FK_jobs_client"');
    await queryRunner.query('ALTER TABLE "contact_list_members" DROP CONSTRAINT "FK_contact_list_members_list"');
    await queryRunner.query('ALTER TABLE "contact_list_members" DROP CONSTRAINT "FK_contact_list_members_contact"');
    await queryRunner.query('ALTER TABLE "communications" DROP CONSTRAINT "FK_communications_client"');
    await queryRunner.query('ALTER TABLE "communications" DROP CONSTRAINT "FK_communications_contact"');
    await queryRunner.query('ALTER TABLE "contacts" DROP CONSTRAINT "FK_contacts_client"');
    await queryRunner.query(
      'ALTER TABLE "contact_consent_entries" DROP CONSTRAINT "FK_contact_consent_entries_purpose"',
    );
    await queryRunner.query(
      'ALTER TABLE "contact_consent_entries" DROP CONSTRAINT "FK_contact_consent_entries_wording"',
    );
    await queryRunner.query(
      'ALTER TABLE "consent_purpose_wordings" DROP CONSTRAINT "FK_consent_purpose_wordings_purpose"',
    );
    await queryRunner.query('DROP INDEX "public"."UQ_webhook_attempts_number"');
    await queryRunner.query('DROP INDEX "public"."IDX_webhook_deliveries_endpoint"');
    await queryRunner.query('DROP INDEX "public"."IDX_webhook_deliveries_message"');
    await queryRunner.query('DROP INDEX "public"."UQ_webhook_messages_event"');
    await queryRunner.query('DROP INDEX "public"."IDX_privacy_request_events_request"');
    await queryRunner.query('DROP INDEX "public"."UQ_privacy_requests_organization_verification"');
    await queryRunner.query('DROP INDEX "public"."IDX_privacy_requests_verification_token_hash"');
    await queryRunner.query('DROP INDEX "public"."IDX_sessions_user"');
    await queryRunner.query('DROP INDEX "public"."UQ_sessions_organization_token"');
    await queryRunner.query('DROP INDEX "public"."IDX_sessions_token_hash"');
    await queryRunner.query('DROP INDEX "public"."IDX_one_time_tokens_user"');
    await queryRunner.query('DROP INDEX "public"."UQ_one_time_tokens_organization_token"');
    await queryRunner.query('DROP INDEX "public"."IDX_one_time_tokens_token_hash"');
    await queryRunner.query('DROP INDEX "public"."UQ_api_keys_organization_prefix"');
    await queryRunner.query('DROP INDEX "public"."IDX_api_keys_prefix"');
    await queryRunner.query('DROP INDEX "public"."IDX_schedule_entries_job"');
    await queryRunner.query('DROP INDEX "public"."IDX_schedule_entries_client"');
    await queryRunner.query('DROP INDEX "public"."IDX_payments_invoice"');
    await queryRunner.query('DROP INDEX "public"."IDX_invoices_job"');
    await queryRunner.query('DROP INDEX "public"."IDX_contact_list_members_contact"');
    await queryRunner.query('DROP INDEX "public"."UQ_policy_acceptances_user_number"');
    await queryRunner.query('DROP INDEX "public"."IDX_contact_consent_entries_purpose"');
    await queryRunner.query('DROP INDEX "public"."IDX_contact_consent_entries_wording"');
    await queryRunner.query('DROP INDEX "public"."UQ_consent_purpose_wordings_version"');
    await queryRunner.query('DROP INDEX "public"."UQ_consent_confirmations_organization_token"');
    await queryRunner.query('DROP INDEX "public"."IDX_consent_confirmations_token_hash"');
    await queryRunner.query(
      'ALTER TABLE "privacy_requests" ADD CONSTRAINT "UQ_722956ffbb13003b2c09966d956" UNIQUE ("verification_token_hash")',
    );
    await queryRunner.query(
      'ALTER TABLE "sessions" ADD CONSTRAINT "UQ_abaa9e068cdd390bc5210f79884" UNIQUE ("token_hash")',
    );
    await queryRunner.query(
      'ALTER TABLE "one_time_tokens" ADD CONSTRAINT "UQ_22e595d22f108ce4f2843e043ae" UNIQUE ("token_hash")',
    );
    await queryRunner.query('ALTER TABLE "api_keys" ADD CONSTRAINT "UQ_6f6105c8efe05b310d046cbdb3d" UNIQUE ("prefix")');
    await queryRunner.query(
      'ALTER TABLE "consent_confirmations" ADD CONSTRAINT "UQ_663fcdbb2f9b35ba75bdc11e3f1" UNIQUE ("token_hash")',
    );
    await queryRunner.query('ALTER TABLE "webhook_attempts" DROP CONSTRAINT "PK_9ae15d4a7491ae55fe8b1190c7d"');
    await queryRunner.query(
      'ALTER TABLE "webhook_attempts" ADD CONSTRAINT "PK_2de7e7887ad97de459adab62638" PRIMARY KEY ("id")',
    );
    await queryRunner.query('ALTER TABLE "webhook_deliveries" DROP CONSTRAINT "PK_24cb0452b7280b0c67c232ba3bf"');
    await queryRunner.query(
      'ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "PK_535dd409947fb6d8fc6dfc0112a" PRIMARY KEY ("id")',
    );
    await queryRunner.query('ALTER TABLE "webhook_messages" DROP CONSTRAINT "PK_246e52008dd6e669d993d3ab639"');
    await queryRunner.query(
      'ALTER TABLE "webhook_messages" ADD CONSTRAINT "PK_526e8e1655924920adc4cd30dcd" PRIMARY KEY ("id")',
    );
    await queryRunner.query('ALTER TABLE "webhook_endpoints" DROP CONSTRAINT "PK_aa44af3ed57e7081569a62e0e96"');
    await queryRunner.query(
      'ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "PK_054c4cfb95223732f5939d2d546" PRIMARY KEY ("id")',
    );
    await queryRunner.query('ALTER TABLE "retention_receipts" DROP CONSTRAINT "PK_5a41520d20382550f632a4c68aa"');
    await queryRunner.query(
      'ALTER TABLE "retention_receipts" ADD CONSTRAINT "PK_e0793965c7852fa4d6305859980" PRIMARY KEY ("id")',
    );
    await queryRunner.query('ALTER TABLE "legal_holds" DROP CONSTRAINT "PK_67058ab7216f6f122d62136365f"');
    await queryRunner.query(
      'ALTER TABLE "legal_holds" ADD CONSTRAINT "PK_bbe3e0c98678909493a90442dfb" PRIMARY KEY ("id")',
    );
    await queryRunner.query('ALTER TABLE "privacy_request_events" DROP CONSTRAINT "PK_d872cc643233349cfaa493c3fe3"');
    await queryRunner.query(
      'ALTER TABLE "privacy_request_events" ADD CONSTRAINT "PK_1b14983505c767cdce552881c86" PRIMARY KEY ("id")',
    );
    await queryRunner.query('ALTER TABLE "privacy_requests" DROP CONSTRAINT "PK_e1a8dabc3b04f1a70fc34845d3a"');
    await queryRunner.query(
      'ALTER TABLE "privacy_requests" ADD CONSTRAINT "PK_fbdea00fb2fcf274bf0d2ddf2c2" PRIMARY KEY ("id")',
    );
    await queryRunner.query('ALTER TABLE "sessions" DROP CONSTRAINT "PK_e7f3310d1b2a62f646d3abb76c4"');
    await queryRunner.query(
      'ALTER TABLE "sessions" ADD CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id")',
    );
    await queryRunner.query('ALTER TABLE "one_time_tokens" DROP CONSTRAINT "PK_0fb2aa64e5629e9c1c1b846bf52"');
    await queryRunner.query(
      'ALTER TABLE "one_time_tokens" ADD CONSTRAINT "PK_8e470cc9ffc1b2afa054304db17" PRIMARY KEY ("id")',
    );
    await queryRunner.query('ALTER TABLE "users" DROP CONSTRAINT "PK_d44e049baf1987168ad1b16c945"');
    await queryRunner.query('ALTER TABLE "users" ADD CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id")');
    await queryRunner.query('ALTER TABLE "branches" DROP CONSTRAINT "PK_966095b5934a184d279eb134520"');
    await queryRunner.query(
      'ALTER TABLE "branches" ADD CONSTRAINT "PK_7f37d3b42defea97f1df0d19535" PRIMARY KEY ("id")',
    );
    await queryRunner.query('ALTER TABLE "api_keys" DROP CONSTRAINT "PK_751e3663c1005cb4ccc93d475c3"');
    await queryRunner.query(
      'ALTER TABLE "api_keys" ADD CONSTRAINT "PK_5c8a79801b44bd27b79228e1dad" PRIMARY KEY ("id")',
    );
    await queryRunner.query('ALTER TABLE "tax_policies" DROP CONSTRAINT "PK_39000d5ba4f92b405ed4444ca86"');
    await queryRunner.query(
      'ALTER TABLE "tax_policies" ADD CONSTRAINT "PK_9ae910812088171e36ca678e22b" PRIMARY KEY ("id")',
    );
    await queryRunner.query('ALTER TABLE "schedule_entries" DROP CONSTRAINT "PK_d40306d5a6580a6c8d3c6787639"');
    await queryRunner.query(
      'ALTER TABLE "schedule_entries" ADD CONSTRAINT "PK_bfe848ea36c4b3d8a4b18ec82aa" PRIMARY KEY ("id")',
    );
    await queryRunner.query('ALTER TABLE "payments" DROP CONSTRAINT "PK_602879709e9797d373254e5adb1"');
    await queryRunner.query(
      'ALTER TABLE "payments" ADD CONSTRAINT "PK_197ab7af18c93fbb0c9b28b4a59" PRIMARY KEY ("id")',
    );
    await queryRunner.query('ALTER TABLE "invoices" DROP CONSTRAINT "PK_2d05c7f81703d1b508bb4314bf8"');
    await queryRunner.query(
      'ALTER TABLE "invoices" ADD CONSTRAINT "PK_668cef7c22a427fd822cc1be3ce" PRIMARY KEY ("id")',
    );
    await queryRunner.query('ALTER TABLE "jobs" DROP CONSTRAINT "PK_d4d047d79dcbbe52b9dc7d67566"');
    await queryRunner.query('ALTER TABLE "jobs" ADD CONSTRAINT "PK_cf0a6c42b72fcc7f7c237def345" PRIMARY KEY ("id")');
    await queryRunner.query('ALTER TABLE "contact_list_members" DROP CONSTRAINT "PK_b334ea6c9a49e150f4b1efa3863"');
    await queryRunner.query(
      'ALTER TABLE "contact_list_members" ADD CONSTRAINT "PK_fac5fbeb31b2bf7ed01a5f9cefc" PRIMARY KEY ("list_id", "contact_id")',
    );
    await queryRunner.query('ALTER TABLE "contact_lists" DROP CONSTRAINT "PK_584afb0dc6e426a1b899eface0b"');
    await queryRunner.query(
      'ALTER TABLE "contact_lists" ADD CONSTRAINT "PK_9d9c15bed294d0779669dc7069c" PRIMARY KEY ("id")',
    );
    await queryRunner.query('ALTER TABLE "communications" DROP CONSTRAINT "PK_d93c8dbf478dd571d363c6b789c"');
    await queryRunner.query(
      'ALTER TABLE "communications" ADD CONSTRAINT "PK_29ec793018d5d5ca19d40149e87" PRIMARY KEY ("id")',
    );
    await queryRunner.query('ALTER TABLE "contacts" DROP CONSTRAINT "PK_529a46a2bc93a90db673f2423a4"');
    await queryRunner.query(
      'ALTER TABLE "contacts" ADD CONSTRAINT "PK_b99cd40cfd66a99f1571f4f72e6" PRIMARY KEY ("id")',
    );
    await queryRunner.query('ALTER TABLE "clients" DROP CONSTRAINT "PK_9c7056e6be26c90879527cd3053"');
    await queryRunner.query('ALTER TABLE "clients" ADD CONSTRAINT "PK_f1ab7cf3a5714dbc6bb4e1c28a4" PRIMARY KEY ("id")');
    await queryRunner.query('ALTER TABLE "crm_activity" DROP CONSTRAINT "PK_d2de95a30e4e9bb67737b0154e5"');
    await queryRunner.query(
      'ALTER TABLE "crm_activity" ADD CONSTRAINT "PK_7474a16af410dd0560653122dcb" PRIMARY KEY ("id")',
    );
    await queryRunner.query('ALTER TABLE "policy_acceptances" DROP CONSTRAINT "PK_policy_acceptances"');
    await queryRunner.query(
      'ALTER TABLE "policy_acceptances" ADD CONSTRAINT "PK_policy_acceptances" PRIMARY KEY ("id")',
    );
    await queryRunner.query('ALTER TABLE "contact_consent_entries" DROP CONSTRAINT "PK_36cc09033b222fdb1e99bff6291"');
    await queryRunner.query(
      'ALTER TABLE "contact_consent_entries" ADD CONSTRAINT "PK_9c53d73938f838f0cd6dc98a261" PRIMARY KEY ("id")',
    );
    await queryRunner.query('ALTER TABLE "consent_purpose_wordings" DROP CONSTRAINT "PK_6001f0e6de18d80820d4dcf81b9"');
    await queryRunner.query(
      'ALTER TABLE "consent_purpose_wordings" ADD CONSTRAINT "PK_708e90ea31c259e852fee8b5cd6" PRIMARY KEY ("id")',
    );
    await queryRunner.query('ALTER TABLE "consent_purposes" DROP CONSTRAINT "PK_f9f88c4151a7d9c47a0e5a55600"');
    await queryRunner.query(
      'ALTER TABLE "consent_purposes" ADD CONSTRAINT "PK_26c0e39f6165c2eb78392340931" PRIMARY KEY ("id")',
    );
    await queryRunner.query('ALTER TABLE "consent_confirmations" DROP CONSTRAINT "PK_b41dad6eddd2fc4e2f4d166c5d3"');
    await queryRunner.query(
      'ALTER TABLE "consent_confirmations" ADD CONSTRAINT "PK_c83390d13e21baeddfd16e36e53" PRIMARY KEY ("id")',
    );
    await queryRunner.query('ALTER TABLE "usage_events" DROP CONSTRAINT "PK_eeb5aefa3fe7aa1f88f951f0861"');
    await queryRunner.query(
      'ALTER TABLE "usage_events" ADD CONSTRAINT "PK_c9f17d50873fab2c46615f542bc" PRIMARY KEY ("id")',
    );
    await queryRunner.query('ALTER TABLE "usage_daily" DROP CONSTRAINT "PK_e03571f0eacd6a3a96107fa784a"');
    await queryRunner.query(
      'ALTER TABLE "usage_daily" ADD CONSTRAINT "PK_b0d404396506036eee9af200809" PRIMARY KEY ("id")',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_webhook_attempts_number" ON "webhook_attempts" USING btree ("attempt_number", "delivery_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_webhook_deliveries_endpoint" ON "webhook_deliveries" USING btree ("created_at", "endpoint_id", "id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_webhook_deliveries_message" ON "webhook_deliveries" USING btree ("message_id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_webhook_messages_event" ON "webhook_messages" USING btree ("event_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_privacy_request_events_request" ON "privacy_request_events" USING btree ("request_id", "seq") ',
    );
    await queryRunner.query('CREATE INDEX "IDX_sessions_user" ON "sessions" USING btree ("user_id") ');
    await queryRunner.query('CREATE INDEX "IDX_one_time_tokens_user" ON "one_time_tokens" USING btree ("user_id") ');
    await queryRunner.query(
      'CREATE INDEX "IDX_schedule_entries_client" ON "schedule_entries" USING btree ("client_id") ',
    );
    await queryRunner.query('CREATE INDEX "IDX_schedule_entries_job" ON "schedule_entries" USING btree ("job_id") ');
    await queryRunner.query('CREATE INDEX "IDX_payments_invoice" ON "payments" USING btree ("invoice_id") ');
    await queryRunner.query('CREATE INDEX "IDX_invoices_job" ON "invoices" USING btree ("job_id") ');
    await queryRunner.query(
      'CREATE INDEX "IDX_contact_list_members_contact" ON "contact_list_members" USING btree ("contact_id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_policy_acceptances_user_number" ON "policy_acceptances" USING btree ("number", "user_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_contact_consent_entries_purpose" ON "contact_consent_entries" USING btree ("purpose_id", "recorded_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_contact_consent_entries_wording" ON "contact_consent_entries" USING btree ("wording_id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_consent_purpose_wordings_version" ON "consent_purpose_wordings" USING btree ("purpose_id", "version") ',
    );
    await queryRunner.query(
      'ALTER TABLE "webhook_attempts" ADD CONSTRAINT "FK_0d56d91d61b827bb2079c256538" FOREIGN KEY ("delivery_id") REFERENCES "webhook_deliveries"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "FK_35330ff895962f7bd8a46c18177" FOREIGN KEY ("message_id") REFERENCES "webhook_messages"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "FK_0b882c26a9b91c26e6e86b4867c" FOREIGN KEY ("endpoint_id") REFERENCES "webhook_endpoints"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "privacy_request_events" ADD CONSTRAINT "FK_a544775953c286171ef068d24b9" FOREIGN KEY ("request_id") REFERENCES "privacy_requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "sessions" ADD CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "one_time_tokens" ADD CONSTRAINT "FK_0dc2deee64e514ad6f7e69504e1" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "schedule_entries" ADD CONSTRAINT "FK_b1ac70e3d4c0386983ec25891b6" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "schedule_entries" ADD CONSTRAINT "FK_382bde2bf42d7fe7b853bc82cd9" FOREIGN KEY ("job_id") REFERENCES "jobs"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "payments" ADD CONSTRAINT "FK_563a5e248518c623eebd987d43e" FOREIGN KEY ("invoice_id") REFERENCES "invoices"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "invoices" ADD CONSTRAINT "FK_7b1042679bfaa0ea492081091bf" FOREIGN KEY ("job_id") REFERENCES "jobs"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "invoices" ADD CONSTRAINT "FK_5534ba11e10f1a9953cbdaabf16" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "jobs" ADD CONSTRAINT "FK_dec6205e2cd13841763710f9892" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "contact_list_members" ADD CONSTRAINT "FK_e7ca3d74b038f08c0e0786dceba" FOREIGN KEY ("contact_id") REFERENCES "contacts"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "contact_list_members" ADD CONSTRAINT "FK_1c35d53c48a13b4905293d1734c" FOREIGN KEY ("list_id") REFERENCES "contact_lists"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "communications" ADD CONSTRAINT "FK_2d94b39e3dc02ea25c7a98b7036" FOREIGN KEY ("contact_id") REFERENCES "contacts"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "communications" ADD CONSTRAINT "FK_21151e9c336d8ac16f10f379882" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "contacts" ADD CONSTRAINT "FK_72d1013c43a0198e905290831e5" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "contact_consent_entries" ADD CONSTRAINT "FK_6ee1197562c3b5dcef05e9aaefa" FOREIGN KEY ("wording_id") REFERENCES "consent_purpose_wordings"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "contact_consent_entries" ADD CONSTRAINT "FK_760cb820bc5a3c7a1d1964a35a9" FOREIGN KEY ("purpose_id") REFERENCES "consent_purposes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "consent_purpose_wordings" ADD CONSTRAINT "FK_ffee31653db8f727903eef3b4ae" FOREIGN KEY ("purpose_id") REFERENCES "consent_purposes"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }
}
