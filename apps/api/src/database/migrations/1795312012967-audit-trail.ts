import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditTrail1795312012967 implements MigrationInterface {
  name = 'AuditTrail1795312012967';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "audit_entries" ("organization_id" uuid NOT NULL, "seq" bigint NOT NULL, "at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "actor_kind" character varying(16) NOT NULL, "actor_id" uuid, "action" character varying(64) NOT NULL, "target_type" character varying(40), "target_id" character varying(64), "outcome" character varying(16) NOT NULL, "request_id" character varying(64), "ip" character varying(45), "user_agent" character varying(300), "details" jsonb, "prev_hash" bytea NOT NULL, "hash" bytea NOT NULL, CONSTRAINT "PK_0c75588a2003c81190da4a716b8" PRIMARY KEY ("organization_id", "seq"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_audit_entries_action" ON "audit_entries"  ("organization_id", "action", "seq") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_audit_entries_target" ON "audit_entries"  ("organization_id", "target_id", "seq") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_audit_entries_actor" ON "audit_entries"  ("organization_id", "actor_id", "seq") ',
    );
    await queryRunner.query('CREATE INDEX "IDX_audit_entries_at" ON "audit_entries"  ("organization_id", "at") ');
    await queryRunner.query(
      'CREATE TABLE "audit_chain_heads" ("organization_id" uuid NOT NULL, "seq" bigint NOT NULL, "hash" bytea NOT NULL, CONSTRAINT "PK_76862318793ab1d6f246a06d630" PRIMARY KEY ("organization_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "audit_checkpoints" ("organization_id" uuid NOT NULL, "seq" bigint NOT NULL, "hash" bytea NOT NULL, "purged_count" integer NOT NULL, "purged_before" TIMESTAMP WITH TIME ZONE NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d89814a6229254b0c6ba27595aa" PRIMARY KEY ("organization_id", "seq"))',
    );
    // Chaining: the insert trigger numbers the entry, stamps its time and hashes it onto the
    // organization's chain (the canonical form is apps/api/src/audit/audit-chain.ts's).
    await queryRunner.query(`
      CREATE FUNCTION audit_field(value text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE WHEN value IS NULL THEN '-' ELSE octet_length(value)::text || ':' || value END
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION audit_entries_chain() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        head_seq bigint;
        head_hash bytea;
      BEGIN
        SELECT seq, hash INTO head_seq, head_hash FROM audit_chain_heads
          WHERE organization_id = NEW.organization_id FOR UPDATE;
        IF NOT FOUND THEN
          INSERT INTO audit_chain_heads (organization_id, seq, hash)
            VALUES (NEW.organization_id, 0, decode(repeat('00', 32), 'hex')) ON CONFLICT DO NOTHING;
          SELECT seq, hash INTO head_seq, head_hash FROM audit_chain_heads
            WHERE organization_id = NEW.organization_id FOR UPDATE;
        END IF;
        NEW.seq := head_seq + 1;
        NEW.at := date_trunc('milliseconds', clock_timestamp());
        NEW.prev_hash := head_hash;
        NEW.hash := sha256(head_hash || convert_to(concat_ws('|',
          audit_field(NEW.organization_id::text),
          audit_field(NEW.seq::text),
          audit_field(floor(extract(epoch FROM NEW.at) * 1000)::bigint::text),
          audit_field(NEW.actor_kind),
          audit_field(NEW.actor_id::text),
          audit_field(NEW.action),
          audit_field(NEW.target_type),
          audit_field(NEW.target_id),
          audit_field(NEW.outcome),
          audit_field(NEW.request_id),
          audit_field(NEW.ip),
          audit_field(NEW.user_agent),
          audit_field(NEW.details::text)), 'UTF8'));
        UPDATE audit_chain_heads SET seq = NEW.seq, hash = NEW.hash WHERE organization_id = NEW.organization_id;
        RETURN NEW;
      END
      $$`);
    await queryRunner.query(
      'CREATE TRIGGER audit_entries_chain BEFORE INSERT ON audit_entries FOR EACH ROW EXECUTE FUNCTION audit_entries_chain()',
    );
    // Append-only, in the database and not only in code: no UPDATE, DELETE or TRUNCATE, for
    // any role, except deletes by audit_purge() (the retention purge) and head updates by the
    // chaining trigger.
    await queryRunner.query(`
      CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'audit_entries' AND TG_OP = 'DELETE'
           AND current_setting('steward.audit_purge', true) = 'on' THEN
          RETURN OLD;
        END IF;
        IF TG_TABLE_NAME = 'audit_chain_heads' AND TG_OP = 'UPDATE' AND pg_trigger_depth() > 1 THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'the audit trail is append-only: % on % refused', TG_OP, TG_TABLE_NAME
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    for (const table of ['audit_entries', 'audit_chain_heads', 'audit_checkpoints']) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()`,
      );
      // Effective where the API connects as a role that does not own the tables (docs/operations.md).
      await queryRunner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${table} FROM PUBLIC`);
    }
    // The retention purge: removes the oldest entries (a prefix of the chain) and leaves a
    // checkpoint with the last removed hash, from which the rest of the chain still verifies.
    await queryRunner.query(`
      CREATE FUNCTION audit_purge(p_organization uuid, p_before timestamptz, p_batch integer)
      RETURNS integer LANGUAGE plpgsql AS $$
      DECLARE
        last_seq bigint;
        last_hash bytea;
        removed integer;
      BEGIN
        SELECT max(seq) INTO last_seq FROM (
          SELECT seq FROM audit_entries
          WHERE organization_id = p_organization AND at < p_before ORDER BY seq LIMIT p_batch) oldest;
        IF last_seq IS NULL THEN
          RETURN 0;
        END IF;
        SELECT hash INTO last_hash FROM audit_entries WHERE organization_id = p_organization AND seq = last_seq;
        PERFORM set_config('steward.audit_purge', 'on', true);
        DELETE FROM audit_entries WHERE organization_id = p_organization AND seq <= last_seq;
        GET DIAGNOSTICS removed = ROW_COUNT;
        PERFORM set_config('steward.audit_purge', 'off', true);
        INSERT INTO audit_checkpoints (organization_id, seq, hash, purged_count, purged_before)
          VALUES (p_organization, last_seq, last_hash, removed, p_before);
        RETURN removed;
      END
      $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP FUNCTION audit_purge(uuid, timestamptz, integer)');
    for (const table of ['audit_entries', 'audit_chain_heads', 'audit_checkpoints']) {
      await queryRunner.query(`DROP TRIGGER ${table}_append_only ON ${table}`);
      await queryRunner.query(`DROP TRIGGER ${table}_no_truncate ON ${table}`);
    }
    await queryRunner.query('DROP TRIGGER audit_entries_chain ON audit_entries');
    await queryRunner.query('DROP FUNCTION audit_refuse_change()');
    await queryRunner.query('DROP FUNCTION audit_entries_chain()');
    await queryRunner.query('DROP FUNCTION audit_field(text)');
    await queryRunner.query('DROP TABLE "audit_checkpoints"');
    await queryRunner.query('DROP TABLE "audit_chain_heads"');
    await queryRunner.query('DROP INDEX "public"."IDX_audit_entries_at"');
    await queryRunner.query('DROP INDEX "public"."IDX_audit_entries_actor"');
    await queryRunner.query('DROP INDEX "public"."IDX_audit_entries_target"');
    await queryRunner.query('DROP INDEX "public"."IDX_audit_entries_action"');
    await queryRunner.query('DROP TABLE "audit_entries"');
  }
}
