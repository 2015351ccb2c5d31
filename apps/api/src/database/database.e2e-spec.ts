import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { NotPersonal, PersonalDataRegistry, PersonalField } from '#personal-data';
import { createTestApp, type TestApp } from '#testing';
import { checkColumnClassification } from './classification-check.js';
import { dataSourceOptions } from './data-source.js';

@Entity('sample_people')
class SamplePersonEntity {
  @NotPersonal('surrogate key') @PrimaryColumn('uuid') id: string;
  @PersonalField('crm.samples', { encrypted: true }) @Column('bytea') name: Buffer;
  @Column('text') forgotten: string;
}

describe('database', () => {
  let sut: TestApp;

  beforeAll(async () => {
    sut = await createTestApp();
  });
  afterAll(() => sut.close());

  it('should classify every column of every entity, with registered categories', () => {
    const categories = sut.app
      .get(PersonalDataRegistry)
      .list()
      .map((provider) => provider.category);
    expect(checkColumnClassification(sut.app.get(DataSource), categories)).toEqual([]);
  });

  it('should report unclassified columns and unknown categories', async () => {
    const sample = new DataSource({
      ...dataSourceOptions(sut.db.url, 1),
      entities: [SamplePersonEntity],
      migrations: [],
    });
    await sample.initialize();
    try {
      expect(checkColumnClassification(sample, [])).toEqual([
        { table: 'sample_people', column: 'name', problem: 'unregistered-category', category: 'crm.samples' },
        { table: 'sample_people', column: 'forgotten', problem: 'unclassified' },
      ]);
    } finally {
      await sample.destroy();
    }
  });

  it('should have migrations that match the entities exactly', async () => {
    const pending = await sut.app.get(DataSource).driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('should index every foreign key, so a delete that cascades finds the rows by index', async () => {
    // A foreign key whose columns do not lead any index makes every delete of the parent
    // (erasing a client or contact) scan the child table. The leading columns may come in any
    // order: (client_id, organization_id) serves the key (organization_id, client_id).
    const unindexed = await sut.db.query<{ constraint: string }>(`
      SELECT c.conrelid::regclass || '.' || c.conname AS "constraint"
        FROM pg_constraint c
       WHERE c.contype = 'f'
         -- Our schema; pg-boss's (pgboss) is its own design, migrated by pg-boss.
         AND c.connamespace = 'public'::regnamespace
         AND NOT EXISTS (
           SELECT 1 FROM pg_index i
            WHERE i.indrelid = c.conrelid
              AND (SELECT array_agg(k ORDER BY k) FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS u(k, n)
                    WHERE n <= cardinality(c.conkey)) = (SELECT array_agg(k ORDER BY k) FROM unnest(c.conkey) AS f(k)))
       ORDER BY 1`);
    expect(unindexed).toEqual([]);
  });

  it('should keep data across an application restart', async () => {
    await sut.db.query(`INSERT INTO subject_keys (subject_id, master_key_fingerprint) VALUES ('user:restart', 'x')`);
    const restarted = await createTestApp({ db: sut.db });
    try {
      const rows = await restarted.app
        .get(DataSource)
        .query(`SELECT subject_id FROM subject_keys WHERE subject_id = 'user:restart'`);
      expect(rows).toHaveLength(1);
    } finally {
      await restarted.close();
    }
  });
});
