import { DAY_MS, runRetentionRule } from '#testing';
import { createWorld, type World } from '../../test/security/support/world.js';
import { RetentionRules } from './retention-rules.service.js';

/** What every run writes about itself: its run, its receipts, and their audit entries. */
const BOOKKEEPING = new Set([
  'retention_runs',
  'retention_receipts',
  'audit_entries',
  'audit_chain_heads',
  'audit_pending',
]);

/**
 * Every rule, with the clock twenty years ahead (everything is past every period), over the
 * security sweeps' world (two organizations with a record of every kind): each run changes
 * only the tables the rule declares, and an organization under a legal hold loses nothing.
 */
describe('retention rules touch only their own data', () => {
  let world: World;

  beforeAll(async () => {
    world = await createWorld();
    await world.app
      .http()
      .post('/api/v1/legal-holds')
      .set('authorization', world.theirs.bearer.owner)
      .send({ scope: 'organization', reason: 'Regulator inquiry 2026-3' })
      .expect(201);
    await settled();
  }, 120_000);
  afterAll(() => world.app.close());

  /** Background work of the seeding (an export, a run on demand) finishes first. */
  async function settled(): Promise<void> {
    for (let tries = 0; tries < 300; tries++) {
      const [{ busy }] = await world.app.db.query<{ busy: number }>(
        `SELECT (SELECT count(*) FROM data_exports WHERE status IN ('queued', 'building'))::int
              + (SELECT count(*) FROM retention_runs WHERE status = 'running')::int AS busy`,
      );
      if (busy === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('Background work did not settle');
  }

  /** A digest of every table of the schema, or of one organization's rows of each tenant table. */
  async function digests(organizationId?: string): Promise<Record<string, string>> {
    const tables = await world.app.db.query<{ table_name: string }>(
      organizationId
        ? `SELECT table_name FROM information_schema.columns
            WHERE table_schema = 'public' AND column_name = 'organization_id' ORDER BY 1`
        : `SELECT table_name FROM information_schema.tables
            WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'migrations' ORDER BY 1`,
    );
    const result: Record<string, string> = {};
    for (const { table_name } of tables) {
      const [row] = await world.app.db.query<{ digest: string }>(
        `SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) AS digest FROM "${table_name}" t
          ${organizationId ? 'WHERE organization_id = $1' : ''}`,
        organizationId ? [organizationId] : [],
      );
      result[table_name] = row.digest;
    }
    return result;
  }

  it('should change only the tables each rule declares, and nothing of a held organization', async () => {
    const at = new Date(Date.now() + 20 * 365 * DAY_MS);
    const theirsBefore = await digests(world.theirs.organizationId);
    const purged: Record<string, number> = {};
    const strays: string[] = [];
    for (const rule of world.app.app.get(RetentionRules).list()) {
      const before = await digests();
      purged[rule.key] = await runRetentionRule(world.app, rule.key, at);
      const after = await digests();
      for (const table of Object.keys(before)) {
        if (before[table] !== after[table] && !BOOKKEEPING.has(table) && !rule.touches.includes(table)) {
          strays.push(`${rule.key} changed ${table}`);
        }
      }
    }
    expect(strays).toEqual([]);
    // The world holds data these rules must find past their periods twenty years on.
    for (const key of ['sessions', 'invoices', 'audit-trail', 'one-time-links']) expect(purged[key]).toBeGreaterThan(0);

    // Their organization is held: every rule left its rows (only its receipts were added).
    const theirsAfter = await digests(world.theirs.organizationId);
    const changed = Object.keys(theirsBefore).filter(
      (table) => theirsBefore[table] !== theirsAfter[table] && !BOOKKEEPING.has(table),
    );
    expect(changed).toEqual([]);
    const [{ purgedAudit }] = await world.app.db.query<{ purgedAudit: number }>(
      `SELECT count(*)::int AS "purgedAudit" FROM audit_checkpoints WHERE organization_id = $1`,
      [world.theirs.organizationId],
    );
    expect(purgedAudit).toBe(0);
  }, 180_000);
});
