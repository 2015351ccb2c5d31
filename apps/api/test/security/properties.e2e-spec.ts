import { stripVTControlCharacters } from 'node:util';
import fc from 'fast-check';
import { TEST_PASSWORD } from '#testing';
import { writeResult } from '../../../../libs/testing/src/run-record.mjs';
import { IdentityService } from '../../src/identity/identity.service.js';
import { cookieSessionOf, createWorld, type World } from './support/world.js';

/**
 * Properties behind three findings of the outside attack (issue 12), each checked with
 * fast-check over generated cases: a CSRF pair counts only for its own session; inviting
 * an email answers the same whether or not another organization knows it; work assigned
 * to someone is work they can see.
 */
const SEED = Number(process.env.FUZZ_SEED ?? Number(new Date().toISOString().slice(0, 10).replaceAll('-', '')));
const RUNS = Number(process.env.PROPERTY_RUNS ?? 12);

describe('security properties', () => {
  let world: World;
  const results: Array<{ name: string; runs: number; failure?: string }> = [];

  beforeAll(async () => {
    world = await createWorld();
  }, 120_000);
  afterAll(async () => {
    writeResult('properties', {
      database: process.env.TEST_DATABASE_URL || process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite',
      seed: SEED,
      properties: results,
    });
    await world?.app.close();
  });

  /** fc.assert, with the outcome kept for docs/reliability.md. */
  async function check(name: string, property: fc.IAsyncProperty<never> | fc.IAsyncProperty<unknown[]>) {
    const details = await fc.check(property as fc.IAsyncProperty<unknown[]>, { seed: SEED, numRuns: RUNS });
    const failure = details.failed
      ? `counterexample ${JSON.stringify(details.counterexample).slice(0, 200)}: ${stripVTControlCharacters(
          String((details.errorInstance as Error)?.message),
        )
          .replace(/\s+/g, ' ')
          .slice(0, 400)}`
      : undefined;
    results.push({ name, runs: details.numRuns, failure });
    if (failure) throw new Error(`${name}: ${failure} (seed ${SEED}, path ${details.counterexamplePath})`);
  }

  it('should refuse a refresh whose CSRF pair is not its own session\u2019s', async () => {
    const { app, ours } = world;
    const refreshToken = (cookie: string) => /steward_refresh=([^;]+)/.exec(cookie)?.[1] as string;
    const refresh = (token: string, csrfCookie: string, csrfHeader: string) =>
      app
        .http()
        .post('/api/v1/auth/refresh')
        .set('cookie', `steward_refresh=${token}; steward_csrf=${csrfCookie}`)
        .set('x-csrf-token', csrfHeader);
    // The control: the session's own pair works, so a refusal below is about the pair.
    const own = await cookieSessionOf(app, ours.users.agent.email);
    expect((await refresh(refreshToken(own.cookie), own.csrf, own.csrf)).status).toBe(200);
    await check(
      'CSRF pairs are bound to their session',
      fc.asyncProperty(
        fc.oneof(
          fc.base64String({ minLength: 24, maxLength: 44 }).map((value) => ({ source: 'forged', value })),
          fc.constant({ source: "another session's", value: '' }),
        ),
        async ({ source, value }) => {
          const victim = await cookieSessionOf(app, ours.users.agent.email);
          const pair =
            source === 'forged'
              ? value.replace(/[+/=]/g, 'A')
              : (await cookieSessionOf(app, ours.users.viewer.email)).csrf;
          const response = await refresh(refreshToken(victim.cookie), pair, pair);
          expect({ status: response.status, code: response.body.code }).toEqual({ status: 403, code: 'csrf-failed' });
        },
      ),
    );
  }, 120_000);

  it('should answer an invitation the same whether or not another organization knows the email', async () => {
    const { app, ours, theirs } = world;
    const identity = app.app.get(IdentityService);
    const invite = (email: string) =>
      app
        .http()
        .post('/api/v1/users/invitations')
        .set('authorization', ours.bearer.owner)
        .send({ email, fullName: 'Probe Person', role: 'viewer', branchIds: [] });
    await check(
      'invitations do not reveal other organizations\u2019 accounts',
      fc.asyncProperty(fc.stringMatching(/^[a-z][a-z0-9]{2,12}$/), fc.boolean(), async (local, mixedCase) => {
        const tag = Math.random().toString(36).slice(2, 8);
        const known = `${local}.${tag}@elsewhere.test`;
        await identity.createUser(theirs.organizationId, {
          profile: { email: known, fullName: 'Known Elsewhere', phone: null, jobTitle: null, company: null },
          role: 'viewer',
          password: TEST_PASSWORD,
          emailVerified: true,
          ageConfirmed: true,
        });
        const probe = mixedCase ? known.toUpperCase() : known;
        const [elsewhere, nowhere] = [await invite(probe), await invite(`${local}.${tag}@nowhere.test`)];
        // The email's fate is told too, and it is the same either way (one mail each).
        expect({
          status: elsewhere.status,
          code: elsewhere.body.code,
          invitationEmail: elsewhere.body.invitationEmail,
        }).toEqual({ status: nowhere.status, code: nowhere.body.code, invitationEmail: nowhere.body.invitationEmail });
      }),
    );
  }, 120_000);

  it('should never assign work to someone who cannot see it', async () => {
    const { app, ours } = world;
    const asOwner = (method: 'post', path: string, body: object) =>
      app.http()[method](path).set('authorization', ours.bearer.owner).send(body);
    const asAgent = (path: string) => app.http().get(path).set('authorization', ours.bearer.agent);
    let hour = 0;
    await check(
      'assigned work is visible to the assignee',
      fc.asyncProperty(
        fc.constantFrom('job', 'job visit', 'appointment'),
        fc.constantFrom('main', 'other'),
        async (kind, branch) => {
          // The agent works in the main branch only.
          const branchId = branch === 'main' ? ours.branchId : ours.otherBranchId;
          const client = await asOwner('post', '/api/v1/clients', { kind: 'company', name: 'Work Ltd', branchId });
          expect(client.status).toBe(201);
          const job = await asOwner('post', '/api/v1/jobs', {
            clientId: client.body.id,
            title: 'Fix it',
            ...(kind === 'job' ? { assignedUserIds: [ours.users.agent.id] } : {}),
          });
          // For a job, creating it is the assignment (checked below); a visit needs its job first.
          if (kind !== 'job') expect(job.status).toBe(201);
          hour++;
          const slot = {
            startsAt: new Date(Date.UTC(2031, 0, 1, hour)).toISOString(),
            endsAt: new Date(Date.UTC(2031, 0, 1, hour, 30)).toISOString(),
          };
          const assigned =
            kind === 'job'
              ? job
              : await asOwner('post', '/api/v1/schedule', {
                  kind: kind === 'job visit' ? 'job_visit' : 'appointment',
                  ...(kind === 'job visit' ? { jobId: job.body.id } : { clientId: client.body.id }),
                  assigneeId: ours.users.agent.id,
                  title: 'Visit',
                  allowDoubleBooking: true,
                  ...slot,
                });
          if (assigned.status >= 400) {
            // Refused: with a clear problem, not a crash.
            expect(assigned.status).toBeLessThan(500);
            expect(assigned.headers['content-type']).toMatch(/^application\/problem\+json/);
            return;
          }
          const path = kind === 'job' ? `/api/v1/jobs/${assigned.body.id}` : `/api/v1/schedule/${assigned.body.id}`;
          expect({ kind, branch, seenByAssignee: (await asAgent(path)).status }).toEqual({
            kind,
            branch,
            seenByAssignee: 200,
          });
        },
      ),
    );
  }, 120_000);
});
