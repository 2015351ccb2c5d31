import { bearerFor, createTestApp, type TestApp } from '#testing';
import { AppSettings } from '../config/settings.module.js';
import { IdentityService } from '../identity/identity.service.js';
import { ROLES } from '../identity/identity.types.js';
import { DEMO_CLIENTS, DEMO_JOBS } from './demo-crm-data.js';
import { DEMO_ORGANIZATION, DEMO_PASSWORD } from './demo-data.js';
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

  it('should give the demo organization CRM records people can sign in and see, once', async () => {
    const sut = app.app.get(DemoSeedService);
    await sut.seed();
    const counts = async () =>
      (
        await app.db.query<{ clients: number; contacts: number; communications: number }>(
          `SELECT (SELECT count(*) FROM clients)::int AS clients, (SELECT count(*) FROM contacts)::int AS contacts,
                  (SELECT count(*) FROM communications)::int AS communications`,
        )
      )[0];
    const first = await counts();
    expect(first.clients).toBe(DEMO_CLIENTS.length);
    expect(first.contacts).toBe(DEMO_CLIENTS.flatMap((client) => client.contacts).length);
    expect(first.communications).toBe(DEMO_CLIENTS.flatMap((client) => client.communications).length);
    const consentEntries = async () =>
      Number((await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM contact_consent_entries'))[0].n);
    const entries = await consentEntries();
    expect(entries).toBeGreaterThan(0); // the consent panel and chart have history to show
    const usageCells = async () =>
      Number((await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM usage_daily'))[0].n);
    const cells = await usageCells();
    expect(cells).toBeGreaterThan(0); // the usage dashboard has weeks of counts to show
    await sut.seed();
    expect(await counts()).toEqual(first);
    expect(await consentEntries()).toBe(entries);
    expect(await usageCells()).toBe(cells);

    // Jobs reached their statuses through the real workflow; invoices carry real totals.
    const jobs = await app.db.query<{ status: string; n: number }>(
      'SELECT status, count(*)::int AS n FROM jobs GROUP BY status ORDER BY status',
    );
    const expected = new Map<string, number>();
    for (const job of DEMO_JOBS) expected.set(job.status, (expected.get(job.status) ?? 0) + 1);
    expect(Object.fromEntries(jobs.map((row) => [row.status, row.n]))).toEqual(Object.fromEntries(expected));
    const invoices = await app.db.query<{ status: string; paid: boolean }>(
      'SELECT status, paid_minor = total_minor AS paid FROM invoices ORDER BY number',
    );
    expect(invoices.map((row) => row.status).sort()).toEqual(['draft', 'issued', 'issued', 'paid']);
    expect(invoices.find((row) => row.status === 'paid')?.paid).toBe(true);
    const [{ visits }] = await app.db.query<{ visits: number }>('SELECT count(*)::int AS visits FROM schedule_entries');
    expect(visits).toBe(DEMO_JOBS.filter((job) => job.visit).length + 1);

    // The Leeds agent sees Leeds clients only, decrypted.
    const agent = await bearerFor(app, 'agent@harbor-pine.test', DEMO_PASSWORD);
    // The seed published the demo's processors in a new platform policy version: accept it first.
    const { current } = (await app.http().get('/api/v1/me/privacy-policy').set('authorization', agent).expect(200))
      .body;
    await app
      .http()
      .post('/api/v1/me/privacy-policy/acceptance')
      .set('authorization', agent)
      .send({ number: current.number })
      .expect(200);
    const clients = await app.http().get('/api/v1/clients?limit=100').set('authorization', agent).expect(200);
    const leeds = DEMO_CLIENTS.filter((client) => client.branch === 'Leeds').map((client) => client.name);
    expect(clients.body.items.map((item: { name: string }) => item.name).sort()).toEqual(leeds.sort());
  });

  it('should publish the demo privacy notice and platform policy, their facts read from the settings', async () => {
    await app.app.get(DemoSeedService).seed();
    const notice = (await app.http().get(`/api/v1/privacy/organizations/${DEMO_ORGANIZATION.slug}/notice`).expect(200))
      .body;
    expect(notice).toMatchObject({ number: 2, factsChangedSincePublication: false });
    expect(notice.facts.contact).toMatchObject({ dpoEmail: 'dpo@harbor-pine.test' });
    const statements = (facts: string) =>
      notice.sections.find((section: { facts: string | null }) => section.facts === facts).statements as string[];
    expect(statements('processors')).toHaveLength(3);
    expect(statements('residency')).toContain(
      'Stripe may process it in the United States, under Standard Contractual Clauses and the EU–US Data Privacy Framework.',
    );
    const settings = app.app.get(AppSettings);
    expect(statements('retention').join(' ')).toContain(`${settings.retention.invoiceYears} years`);
    expect(statements('rights').join(' ')).toContain(`within ${settings.privacy.responseDays} days`);

    const platform = (await app.http().get('/api/v1/privacy/policy').expect(200)).body;
    expect(platform).toMatchObject({ number: 2, changeNote: 'Our contact details and processors are published.' });
    expect(
      platform.sections.find((section: { facts: string | null }) => section.facts === 'retention').statements.join(' '),
    ).toContain(`${settings.retention.endedSessionDays} days after the session ends`);
  });
});
