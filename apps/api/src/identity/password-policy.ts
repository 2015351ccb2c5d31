import { hash, verify } from '@node-rs/argon2';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 128;

/**
 * The commonest passwords and patterns that still reach 12 characters. Length over
 * composition (NIST SP 800-63B): no rules about digits or symbols, but no password
 * everyone else tries first.
 */
const COMMON = new Set([
  '123456789012',
  '1234567890123',
  'qwertyuiopas',
  'qwerty123456',
  'password1234',
  'password12345',
  'passwordpassword',
  'iloveyou1234',
  'aaaaaaaaaaaa',
  '111111111111',
  '000000000000',
  'abcdefghijkl',
  'abc123456789',
  'letmein12345',
  'welcome12345',
  'administrator',
  'changeme1234',
  'trustno1trustno1',
  'football1234',
  'baseball1234',
  'superman1234',
  'sunshine1234',
  'princess1234',
  'qwertyqwerty',
  'asdfghjklzxc',
  'zaq12wsxcde3',
  '1q2w3e4r5t6y',
  'q1w2e3r4t5y6',
  'monkey123456',
  'dragon123456',
  'master123456',
  'correcthorsebatterystaple',
  'passw0rd1234',
  'p@ssw0rd1234',
  'p@ssword1234',
  'secret123456',
  'default12345',
  'steward12345',
  'stewardcrm123',
]);

/** Reasons a password is refused; empty when it is acceptable. */
export function passwordProblems(password: string, context: { email?: string } = {}): string[] {
  const problems: string[] = [];
  if (password.length < MIN_PASSWORD_LENGTH) problems.push(`must be at least ${MIN_PASSWORD_LENGTH} characters`);
  if (password.length > MAX_PASSWORD_LENGTH) problems.push(`must be at most ${MAX_PASSWORD_LENGTH} characters`);
  const folded = password.toLowerCase();
  if (COMMON.has(folded) || /^(.)\1+$/.test(folded) || /^(.{1,4})\1{2,}$/.test(folded)) {
    problems.push('is one of the most common passwords; choose a longer phrase of your own');
  }
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && folded.includes(local)) problems.push('must not contain your email address');
  return problems;
}

/** argon2id with the OWASP-recommended minimum parameters (19 MiB, 2 passes). */
export const hashPassword = (password: string): Promise<string> =>
  hash(password, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });

export const verifyPassword = (passwordHash: string, password: string): Promise<boolean> =>
  verify(passwordHash, password).catch(() => false);
