import { Injectable } from '@nestjs/common';
import { type Transaction, TransactionService } from '../database/transaction.service.js';
import { OrganizationPurgeEntity } from './entities/organization-purge.entity.js';

/** Tables whose row id is also a data subject's key id (`<kind>:<id>` in subject_keys). */
const SUBJECT_KIND_OF_TABLE: Record<string, string> = {
  users: 'user',
  clients: 'client',
  contacts: 'contact',
  privacy_requests: 'privacy_request',
};

/** Deleted first: once sessions and keys are gone, nobody adds rows while the purge runs. */
const FIRST = ['sessions', 'api_keys', 'one_time_tokens'];
/** Deleted last: the organization's trail lasts as long as anything else of it. */
const LAST = ['audit_pending', 'audit_entries', 'audit_checkpoints', 'audit_chain_heads'];

export interface PurgeBatch {
  removed: number;
  keysDestroyed: number;
  /** The subject handles (`contact:<id>`) whose keys this batch destroyed, for the key journal. */
  destroyedSubjects: string[];
}

/**
 * The SQL of the organization purge: which tables carry organization_id, in an order the
 * foreign keys allow (read from pg_constraint), and one bounded batch of one table in one
 * short transaction that also destroys the deleted subjects' keys and counts its work.
 */
@Injectable()
export class OrganizationPurgeRepository {
  constructor(private readonly transactions: TransactionService) {}

  private purges(tx?: Transaction) {
    return this.transactions.managerOf(tx).getRepository(OrganizationPurgeEntity);
  }

  /**
   * Every table of our schema with an organization_id column, children before the tables
   * they reference (a delete never waits on, nor cascades into, a table not yet purged).
   */
  async tablesInDeleteOrder(): Promise<string[]> {
    const manager = this.transactions.managerOf();
    const tables: Array<{ name: string }> = await manager.query(
      `SELECT c.relname AS name FROM pg_attribute a
         JOIN pg_class c ON c.oid = a.attrelid
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
          AND a.attname = 'organization_id' AND NOT a.attisdropped
        ORDER BY c.relname`,
    );
    const edges: Array<{ child: string; parent: string }> = await manager.query(
      `SELECT child.relname AS child, parent.relname AS parent FROM pg_constraint k
         JOIN pg_class child ON child.oid = k.conrelid
         JOIN pg_class parent ON parent.oid = k.confrelid
        WHERE k.contype = 'f' AND k.connamespace = 'public'::regnamespace AND k.conrelid <> k.confrelid`,
    );
    const names = tables.map((table) => table.name);
    const rank = (name: string) => (FIRST.includes(name) ? 0 : LAST.includes(name) ? 2 : 1);
    const pending = new Set(names);
    const order: string[] = [];
    while (pending.size) {
      // Ready: no table still to be purged references it.
      const ready = [...pending]
        .filter((name) => !edges.some((edge) => edge.parent === name && edge.child !== name && pending.has(edge.child)))
        .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
      if (!ready.length) throw new Error(`Foreign keys form a cycle among: ${[...pending].join(', ')}`);
      order.push(ready[0]);
      pending.delete(ready[0]);
    }
    return order;
  }

  /** Starts the purge (once: a second start finds the first). */
  async begin(organizationId: string, at: Date, tx: Transaction): Promise<OrganizationPurgeEntity> {
    await this.purges(tx)
      .createQueryBuilder()
      .insert()
      .values({ purgedOrganizationId: organizationId, status: 'running', startedAt: at })
      .orIgnore()
      .execute();
    return (await this.purges(tx).findOneBy({ purgedOrganizationId: organizationId })) as OrganizationPurgeEntity;
  }

  find(organizationId: string): Promise<OrganizationPurgeEntity | null> {
    return this.purges().findOneBy({ purgedOrganizationId: organizationId });
  }

  listRunning(): Promise<OrganizationPurgeEntity[]> {
    return this.purges().find({ where: { status: 'running' }, order: { startedAt: 'ASC' } });
  }

  /**
   * Deletes up to `limit` of the organization's rows of `table`, destroys the keys of the
   * subjects they were, and adds the counts to the purge's progress: all in `tx`, so a crash
   * leaves either the whole batch done and counted or none of it.
   */
  async deleteBatch(
    organizationId: string,
    table: string,
    limit: number,
    at: Date,
    tx: Transaction,
  ): Promise<PurgeBatch> {
    const manager = tx.manager;
    // The append-only tables let this transaction, and only for this organization, delete.
    await manager.query(
      `SELECT set_config('steward.organization_purge', $1, true), set_config('steward.consent_erasure', 'on', true),
              set_config('steward.privacy_request_purge', 'on', true)`,
      [organizationId],
    );
    const kind = SUBJECT_KIND_OF_TABLE[table];
    // SKIP LOCKED: a second runner (a retried job while the first still runs) takes other rows.
    const [deleted]: [Array<{ id: string }>, number] = await manager.query(
      `DELETE FROM "${table}" WHERE ctid = ANY(ARRAY(
         SELECT ctid FROM "${table}" WHERE organization_id = $1 LIMIT $2 FOR UPDATE SKIP LOCKED))
       RETURNING ${kind ? 'id::text AS id' : 'NULL AS id'}`,
      [organizationId, limit],
    );
    let destroyedSubjects: string[] = [];
    if (kind && deleted.length) {
      const [destroyed]: [Array<{ subject_id: string }>, number] = await manager.query(
        `UPDATE subject_keys SET wrapped_key = NULL, destroyed_at = $2
          WHERE subject_id = ANY($1::text[]) AND destroyed_at IS NULL RETURNING subject_id`,
        [deleted.map((row) => `${kind}:${row.id}`), at],
      );
      destroyedSubjects = destroyed.map((row) => row.subject_id);
    }
    const keysDestroyed = destroyedSubjects.length;
    if (deleted.length) {
      await manager.query(
        `UPDATE organization_purges
            SET batches = batches + 1, keys_destroyed = keys_destroyed + $3,
                removed = jsonb_set(removed, ARRAY[$2::text], to_jsonb(coalesce((removed->>$2)::int, 0) + $4))
          WHERE purged_organization_id = $1`,
        [organizationId, table, keysDestroyed, deleted.length],
      );
    }
    return { removed: deleted.length, keysDestroyed, destroyedSubjects };
  }

  /** Rows of the organization left in any of `tables` (a final sweep before the organization row goes). */
  async remaining(organizationId: string, tables: string[]): Promise<number> {
    const manager = this.transactions.managerOf();
    let total = 0;
    for (const table of tables) {
      const [row]: Array<{ count: number }> = await manager.query(
        `SELECT count(*)::int AS count FROM "${table}" WHERE organization_id = $1`,
        [organizationId],
      );
      total += row.count;
    }
    return total;
  }

  /** The last step: the organization row goes and the purge is marked completed, together. */
  async finish(organizationId: string, at: Date, tx: Transaction): Promise<OrganizationPurgeEntity> {
    const [, organizations]: [unknown, number] = await tx.manager.query('DELETE FROM organizations WHERE id = $1', [
      organizationId,
    ]);
    await this.purges(tx).update(
      { purgedOrganizationId: organizationId },
      {
        status: 'completed',
        completedAt: at,
        removed: () => `jsonb_set(removed, '{organizations}', to_jsonb(${Number(organizations)}))`,
      },
    );
    return (await this.purges(tx).findOneBy({ purgedOrganizationId: organizationId })) as OrganizationPurgeEntity;
  }
}
