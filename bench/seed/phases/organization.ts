import { hashPassword, passwordProblems } from '../../../apps/api/src/identity/password-policy.js';
import { BatchInsert } from '../batch-insert.js';
import { type Branch, EPOCH, type Organization, type SeedContext, type StaffMember, YEAR } from '../tenant.js';
import { BRANCHES, FIRST_NAMES, SURNAMES } from '../vocabulary.js';

/** Everyone signs in with this: the bench tenant is not a secret. */
export const STAFF_PASSWORD = 'pennine-bench-seed-2026';

/** Field staff grow with the tenant (one agent per 4,000 contacts per branch, at least five): calendars must fit the jobs. */
export const agentsPerBranch = (contacts: number) => Math.max(5, Math.round(contacts / 4_000));

/**
 * Phase 1: one organization with its branches and staff. Profiles are sealed by the
 * product's UserProfileCipher under each user's own key; passwords are hashed by the
 * product's argon2 settings, so the owner signs in through the real API.
 */
export async function seedOrganization(ctx: SeedContext, agents: number): Promise<Organization> {
  const prng = ctx.prng('organization');
  const id = prng.uuid();
  const slug = `bench-seed-${ctx.seed}`;
  const name = `Pennine Field Services (bench seed ${ctx.seed})`;
  const createdAt = new Date(EPOCH - 3 * YEAR);
  const branches: Branch[] = BRANCHES.map((branch) => ({ id: prng.uuid(), ...branch }));

  const staff: StaffMember[] = [];
  const person = (role: StaffMember['role'], handle: string, branchIds: string[]) => {
    const fullName = `${prng.pick(FIRST_NAMES)} ${prng.pick(SURNAMES)}`;
    staff.push({ id: prng.uuid(), role, email: `${handle}@${slug}.example`, fullName, branchIds });
  };
  person('owner', 'owner', []);
  person('admin', 'admin', []);
  person('privacy_officer', 'privacy', []);
  person('viewer', 'viewer', []);
  for (const [index, branch] of branches.entries()) {
    const code = branch.name.toLowerCase();
    person('manager', `manager.${code}`, [branch.id]);
    for (let agent = 1; agent <= agents; agent++) person('agent', `agent${agent}.${code}`, [branch.id]);
    // A few agents cover a neighbouring branch too.
    if (index > 0 && prng.chance(0.5)) staff[staff.length - 1].branchIds.push(branches[index - 1].id);
  }
  const problems = passwordProblems(STAFF_PASSWORD, { email: staff[0].email });
  if (problems.length) throw new Error(`The bench password is refused by the product: ${problems.join('; ')}`);

  await ctx.db.query(
    `INSERT INTO organizations (id, name, slug, subscription_state, created_at, updated_at, version)
     VALUES ($1, $2, $3, 'active', $4, $4, 1)`,
    [id, name, slug, createdAt],
  );
  const branchRows = new BatchInsert(ctx.db, 'branches', {
    id: 'uuid',
    organization_id: 'uuid',
    name: 'varchar',
    created_at: 'timestamptz',
    updated_at: 'timestamptz',
    version: 'int4',
  });
  for (const branch of branches) {
    await branchRows.push({
      id: branch.id,
      organization_id: id,
      name: branch.name,
      created_at: createdAt,
      updated_at: createdAt,
      version: 1,
    });
  }
  await branchRows.close();

  // One argon2 hash (salted) serves everyone: the same password, and hundreds of hashes would only cost time.
  const passwordHash = await hashPassword(STAFF_PASSWORD);
  const users = new BatchInsert(ctx.db, 'users', {
    id: 'uuid',
    organization_id: 'uuid',
    role: 'users_role_enum',
    branch_ids: 'uuid[]',
    state: 'users_state_enum',
    email_index: 'varchar',
    email_enc: 'bytea',
    full_name_enc: 'bytea',
    phone_enc: 'bytea',
    job_title_enc: 'bytea',
    company_enc: 'bytea',
    age_confirmed_at: 'timestamptz',
    email_verified_at: 'timestamptz',
    password_hash: 'varchar',
    created_at: 'timestamptz',
    updated_at: 'timestamptz',
    version: 'int4',
  });
  for (const member of staff) {
    const sealed = await ctx.crypto.profiles.seal(member.id, {
      email: member.email,
      fullName: member.fullName,
      phone: null,
      jobTitle: JOB_TITLE_OF_ROLE[member.role],
      company: null,
    });
    await users.push({
      id: member.id,
      organization_id: id,
      role: member.role,
      branch_ids: member.branchIds,
      state: 'active',
      email_index: sealed.emailIndex,
      email_enc: sealed.emailEnc,
      full_name_enc: sealed.fullNameEnc,
      phone_enc: sealed.phoneEnc,
      job_title_enc: sealed.jobTitleEnc,
      company_enc: sealed.companyEnc,
      age_confirmed_at: createdAt,
      email_verified_at: createdAt,
      password_hash: passwordHash,
      created_at: createdAt,
      updated_at: createdAt,
      version: 1,
    });
  }
  await ctx.crypto.flushKeys(ctx.db);
  await users.close();

  const workers = branches.map((branch) =>
    staff.filter((member) => member.branchIds.includes(branch.id) && ['manager', 'agent'].includes(member.role)),
  );
  return { id, name, slug, branches, staff, owner: staff[0], password: STAFF_PASSWORD, workers };
}

const JOB_TITLE_OF_ROLE: Record<StaffMember['role'], string> = {
  owner: 'Managing Director',
  admin: 'Operations Administrator',
  privacy_officer: 'Data Protection Officer',
  manager: 'Branch Manager',
  agent: 'Field Engineer',
  viewer: 'Accountant',
};
