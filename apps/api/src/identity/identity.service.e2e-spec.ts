import { PersonalDataRegistry } from '#personal-data';
import { createTestApp, eraseSubject, type TestApp } from '#testing';
import { AppError } from '../common/app-error.js';
import { IdentityService } from './identity.service.js';

describe(IdentityService.name, () => {
  let app: TestApp;
  let sut: IdentityService;
  const profile = {
    email: 'Grace.Hopper@Example.TEST',
    fullName: 'Grace Hopper',
    phone: '+44 20 7946 0001',
    jobTitle: 'Rear Admiral',
    company: 'Navy Computing Ltd',
  };

  beforeAll(async () => {
    app = await createTestApp();
    sut = app.app.get(IdentityService);
  });
  afterAll(() => app.close());

  it('should create an organization with its owner and keep no plaintext profile in the table', async () => {
    const { organization, owner } = await sut.createOrganization('Hopper & Co', {
      profile,
      password: 'a long passphrase of my own',
      ageConfirmed: true,
    });
    expect(organization).toMatchObject({ slug: 'hopper-co', minUserAge: 18, subscriptionState: 'trial' });
    expect(owner).toMatchObject({ role: 'owner', email: 'grace.hopper@example.test', fullName: 'Grace Hopper' });

    const [raw] = await app.db.query('SELECT * FROM users WHERE id = $1', [owner.id]);
    const dump =
      JSON.stringify(raw) +
      Object.values(raw)
        .map((value) => (Buffer.isBuffer(value) ? value.toString('latin1') : ''))
        .join('');
    for (const secret of ['hopper', 'Hopper', 'Grace', '7946', 'Admiral', 'Navy', 'a long passphrase']) {
      expect(dump).not.toContain(secret);
    }
    expect(String(raw.password_hash)).toMatch(/^\$argon2id\$/);
  });

  it('should refuse a second account with the same email, whatever its case', async () => {
    const other = await sut.createOrganization('Other Org', {
      profile: { ...profile, email: 'someone.else@example.test' },
      ageConfirmed: true,
    });
    const attempt = sut.createUser(other.organization.id, {
      profile: { ...profile, email: 'GRACE.HOPPER@example.test' },
      role: 'agent',
    });
    await expect(attempt).rejects.toMatchObject({ code: 'conflict' });
  });

  it('should refuse short, common or email-derived passwords with field errors', async () => {
    const { organization } = await sut.createOrganization('Password Org', {
      profile: { ...profile, email: 'pw-owner@example.test' },
    });
    for (const password of ['short', 'password1234', 'abcabcabcabc', 'my ada.lovelace secret']) {
      const error = await sut
        .createUser(organization.id, {
          profile: { ...profile, email: 'ada.lovelace@example.test' },
          role: 'agent',
          password,
        })
        .catch((caught) => caught);
      expect(error).toBeInstanceOf(AppError);
      expect(error.extensions.errors[0].field).toBe('password');
    }
  });

  it('should give each organization a unique slug', async () => {
    const first = await sut.createOrganization('Same Name', { profile: { ...profile, email: 's1@example.test' } });
    const second = await sut.createOrganization('Same Name', { profile: { ...profile, email: 's2@example.test' } });
    expect([first.organization.slug, second.organization.slug]).toEqual(['same-name', 'same-name-2']);
  });

  describe('personal-data provider', () => {
    it('should export, restrict and erase a user, shredding the key', async () => {
      const { organization, owner } = await sut.createOrganization('Erasure Org', {
        profile: { ...profile, email: 'erase.me@example.test' },
        password: 'another long passphrase',
      });
      const registry = app.app.get(PersonalDataRegistry);
      const subject = { kind: 'user' as const, id: owner.id, organizationId: organization.id };

      const exported = [];
      for await (const part of registry.exportAll(subject)) exported.push(part);
      // This context's categories; the CRM's (activity, schedules) have their own tests.
      const identityOnly = <T extends { category: string }>(parts: T[]) =>
        parts.filter((part) => part.category.startsWith('identity.'));
      expect(identityOnly(exported)).toEqual([
        {
          category: 'identity.account',
          records: [
            expect.objectContaining({ email: 'erase.me@example.test', fullName: 'Grace Hopper', hasPassword: true }),
          ],
        },
        { category: 'identity.sessions', records: [] },
      ]);
      expect(JSON.stringify(exported)).not.toContain('argon2');

      await registry.restrictAll(subject, true);
      const [restricted] = await app.db.query('SELECT restricted_at FROM users WHERE id = $1', [owner.id]);
      expect(restricted.restricted_at).toBeInstanceOf(Date);

      const other = { kind: 'user' as const, id: owner.id, organizationId: '00000000-0000-4000-8000-000000000000' };
      expect(await registry.locateAll(other)).toMatchObject({ 'identity.account': 0, 'identity.sessions': 0 });

      const receipts = await eraseSubject(app, subject);
      expect(identityOnly(receipts)).toEqual([
        expect.objectContaining({ category: 'identity.account', mode: 'delete', affected: 1 }),
        expect.objectContaining({ category: 'identity.sessions', mode: 'delete' }),
      ]);
      expect(await app.db.query('SELECT 1 FROM users WHERE id = $1', [owner.id])).toHaveLength(0);
      const [key] = await app.db.query('SELECT wrapped_key FROM subject_keys WHERE subject_id = $1', [
        `user:${owner.id}`,
      ]);
      expect(key.wrapped_key).toBeNull();
    });
  });
});
