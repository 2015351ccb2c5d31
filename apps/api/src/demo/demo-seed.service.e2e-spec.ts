import { createTestApp, type TestApp } from '#testing';
import { IdentityService } from '../identity/identity.service.js';
import { ROLES } from '../identity/identity.types.js';
import { DEMO_ORGANIZATION } from './demo-data.js';
import { DemoSeedService } from './demo-seed.service.js';

describe(DemoSeedService.name, () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it('should seed one user per role in two branches, once', async () => {
    const sut = app.app.get(DemoSeedService);
    const first = await sut.seed();
    const second = await sut.seed();
    expect([first.created, second.created]).toEqual([true, false]);
    expect(first.signIns.map((signIn) => signIn.role)).toEqual([...ROLES]);

    const identity = app.app.get(IdentityService);
    const organization = await identity.findOrganizationBySlug(DEMO_ORGANIZATION.slug);
    const users = await identity.listUsers(organization?.id as string);
    expect(users.map((user) => user.role).sort()).toEqual([...ROLES].sort());
    expect(users.every((user) => user.email.endsWith('.test'))).toBe(true);
    const branches = await identity.listBranches(organization?.id as string);
    expect(branches.map((branch) => branch.name)).toEqual(['Bristol', 'Leeds']);
    const agent = users.find((user) => user.role === 'agent');
    expect(agent?.branchIds).toEqual([branches.find((branch) => branch.name === 'Leeds')?.id]);
  });
});
