import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Entries written inside a transaction are chained at its COMMIT, not when they are inserted.
 * The chain head's row lock is held from the chaining until the commit ends; taken at the
 * insert, it was also held while the API received the insert's answer and sent COMMIT,
 * which under load (the event loop busy with other requests) serialised an organization's
 * writes well below what the database could do (issue 6's audit overhead). Now the
 * transaction queues its entries in `audit_pending`, and a deferred constraint trigger moves
 * each one, in order, onto the chain during COMMIT: the lock is taken and released inside
 * the database. A refused entry still fails the COMMIT, so the change rolls back with it.
 */
export class AuditChainAtCommit1795330000000 implements MigrationInterface {
  name = 'AuditChainAtCommit1795330000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_pending (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        organization_id uuid NOT NULL,
        actor_kind character varying(16) NOT NULL,
        actor_id uuid,
        action character varying(64) NOT NULL,
        target_type character varying(40),
        target_id character varying(64),
        outcome character varying(16) NOT NULL,
        request_id character varying(64),
        ip character varying(45),
        user_agent character varying(300),
        details jsonb
      )`);
    await queryRunner.query(`
      CREATE FUNCTION audit_pending_chain() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO audit_entries (organization_id, actor_kind, actor_id, action, target_type, target_id,
                                   outcome, request_id, ip, user_agent, details)
        VALUES (NEW.organization_id, NEW.actor_kind, NEW.actor_id, NEW.action, NEW.target_type, NEW.target_id,
                NEW.outcome, NEW.request_id, NEW.ip, NEW.user_agent, NEW.details);
        DELETE FROM audit_pending WHERE id = NEW.id;
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(
      'CREATE CONSTRAINT TRIGGER audit_pending_chain AFTER INSERT ON audit_pending DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_pending_chain()',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER audit_pending_chain ON audit_pending');
    await queryRunner.query('DROP FUNCTION audit_pending_chain()');
    await queryRunner.query('DROP TABLE audit_pending');
  }
}
