import { DataSource } from 'typeorm';
import { createOrganization, createTestApp, type TestApp, type TestOrganization } from '#testing';
import { ApiKeyEntity } from '../identity/entities/api-key.entity.js';
import { BranchEntity } from '../identity/entities/branch.entity.js';
import { insertEntity } from './insert-entity.js';

/**
 * `insertEntity` sends TypeORM's own INSERT text, kept per shape of entity after the first
 * insert of that shape: every insert must give back the entity TypeORM reads from the row.
 */
describe('insertEntity', () => {
  let app: TestApp;
  let org: TestOrganization;
  let dataSource: DataSource;

  beforeAll(async () => {
    app = await createTestApp();
    org = await createOrganization(app, ['owner']);
    dataSource = app.app.get(DataSource);
  });
  afterAll(() => app.close());

  it('should answer what the row holds, the first time and from the kept statement after', async () => {
    const branches = dataSource.getRepository(BranchEntity);
    for (const name of ['North', 'South', 'East']) {
      const inserted = await insertEntity(branches, { organizationId: org.organizationId, name });
      expect(inserted).toEqual(await branches.findOneByOrFail({ organizationId: org.organizationId, id: inserted.id }));
      expect(inserted).toMatchObject({ name, version: 1, createdAt: expect.any(Date) });
    }
  });

  it('should keep a statement per shape: a value, null, or the column left to its default', async () => {
    const keys = dataSource.getRepository(ApiKeyEntity);
    const base = {
      organizationId: org.organizationId,
      secretHash: 'f'.repeat(64),
      scopes: ['contacts:read', 'jobs:write'],
      createdByUserId: org.users.owner.id,
    };
    const shapes: Array<typeof base & { name: string; prefix: string; expiresAt?: Date | null }> = [
      { ...base, name: 'no expiry', prefix: 'stw_0000000001' },
      { ...base, name: 'expires', prefix: 'stw_0000000002', expiresAt: new Date('2031-02-03T04:05:06.789Z') },
      { ...base, name: 'null expiry', prefix: 'stw_0000000003', expiresAt: null },
      { ...base, name: 'expires again', prefix: 'stw_0000000004', expiresAt: new Date('2032-01-01T00:00:00.000Z') },
      { ...base, name: 'no expiry again', prefix: 'stw_0000000005' },
    ];
    for (const values of shapes) {
      const inserted = await insertEntity(keys, values);
      const stored = await keys.findOneByOrFail({ organizationId: org.organizationId, id: inserted.id });
      expect(inserted).toEqual(stored);
      expect(stored).toMatchObject({ name: values.name, scopes: base.scopes, expiresAt: values.expiresAt ?? null });
    }
  });
});
