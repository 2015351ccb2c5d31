import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, ValidateIf } from 'class-validator';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : /^-?\d+$/.test(String(value)) ? Number(value) : value;
const toBool = ({ value }: { value: unknown }) => {
  if (value === undefined || value === '') return undefined;
  const text = String(value).toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(text)) return true;
  if (['false', '0', 'no', 'off'].includes(text)) return false;
  return value;
};
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

export const NODE_ENVS = ['development', 'production', 'test'] as const;
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * The environment as the process receives it. Every setting the API reads is declared
 * here, and `.env.example` documents each one; nothing outside `config/` reads process.env.
 */
export class EnvironmentSchema {
  @IsIn(NODE_ENVS, { message: `must be one of ${NODE_ENVS.join(', ')}` })
  NODE_ENV: (typeof NODE_ENVS)[number] = 'development';

  @Transform(toInt)
  @IsInt({ message: 'must be an integer between 0 and 65535' })
  @Min(0, { message: 'must be an integer between 0 and 65535' })
  @Max(65535, { message: 'must be an integer between 0 and 65535' })
  PORT = 3000;

  @IsString()
  HOST = '127.0.0.1';

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// connection URL' })
  DATABASE_URL?: string = undefined;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// connection URL' })
  DATABASE_MIGRATION_URL?: string = undefined;

  @Transform(toInt)
  @IsInt({ message: 'must be an integer between 1 and 100' })
  @Min(1, { message: 'must be an integer between 1 and 100' })
  @Max(100, { message: 'must be an integer between 1 and 100' })
  DATABASE_POOL_SIZE = 10;

  @IsString()
  DATA_DIR = './data';

  @Transform(emptyToUndefined)
  @ValidateIf((env: EnvironmentSchema) => env.NODE_ENV === 'production' || env.MASTER_KEY !== undefined)
  @Matches(/^[A-Za-z0-9+/]{43}=$/, {
    message: 'must be 32 random bytes in base64 (generate one with: openssl rand -base64 32)',
  })
  MASTER_KEY?: string = undefined;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^(https?:\/\/[^\s,/]+)(,https?:\/\/[^\s,/]+)*$/, {
    message: 'must be a comma-separated list of origins such as https://crm.example.com',
  })
  CORS_ORIGINS?: string = undefined;

  @Matches(/^\d+(b|kb|mb)$/i, { message: 'must be a size such as 100kb or 1mb' })
  BODY_LIMIT = '1mb';

  @IsIn(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  @Transform(toInt)
  @IsInt({ message: 'must be the number of proxy hops to trust (0 for none)' })
  @Min(0, { message: 'must be the number of proxy hops to trust (0 for none)' })
  TRUST_PROXY_HOPS = 0;

  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(0, { message: 'must be a whole number of milliseconds' })
  SHUTDOWN_TIMEOUT_MS = 10_000;

  @IsString()
  STATIC_DIR = 'dist/web';

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^rediss?:\/\/\S+$/, { message: 'must be a redis:// connection URL' })
  REDIS_URL?: string = undefined;

  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of requests' })
  @Min(1, { message: 'must be a whole number of requests' })
  RATE_LIMIT_PER_MINUTE = 600;

  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of requests' })
  @Min(1, { message: 'must be a whole number of requests' })
  SIGN_IN_RATE_LIMIT_PER_MINUTE = 20;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, {
    message: 'must be an smtp:// or smtps:// URL, e.g. smtps://user:pass@mail.example.com',
  })
  SMTP_URL?: string = undefined;

  @IsString()
  MAIL_FROM = 'Steward CRM <no-reply@steward-crm.invalid>';

  /** How long to wait for the mail server to connect and greet, in milliseconds (a dead server must not hold requests). */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of milliseconds between 500 and 60000' })
  @Min(500, { message: 'must be a whole number of milliseconds between 500 and 60000' })
  @Max(60_000, { message: 'must be a whole number of milliseconds between 500 and 60000' })
  MAIL_TIMEOUT_MS = 5_000;

  /** Hours an email the mail server could not take is retried before it is given up. */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of hours between 1 and 168' })
  @Min(1, { message: 'must be a whole number of hours between 1 and 168' })
  @Max(168, { message: 'must be a whole number of hours between 1 and 168' })
  MAIL_RETRY_HOURS = 72;

  /** Days the mail log (times, attempts, error codes of sent and given-up emails; no content) is kept. */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of days between 1 and 365' })
  @Min(1, { message: 'must be a whole number of days between 1 and 365' })
  @Max(365, { message: 'must be a whole number of days between 1 and 365' })
  MAIL_LOG_RETENTION_DAYS = 30;

  /** Where people open the app; links in emails point here. Defaults to http://localhost:PORT. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^https?:\/\/[^\s/]+(\/\S*)?$/, {
    message: 'must be the URL people open the app at, e.g. https://crm.example.com',
  })
  APP_URL?: string = undefined;

  /** Refused in production by loadSettings: the demo accounts have a published password. */
  @Transform(toBool)
  @IsBoolean({ message: 'must be true or false' })
  SEED_DEMO = false;

  /** How long audit entries are kept before the retention purge removes them (policy: "a limited period"). */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of days between 30 and 3650' })
  @Min(30, { message: 'must be a whole number of days between 30 and 3650' })
  @Max(3650, { message: 'must be a whole number of days between 30 and 3650' })
  AUDIT_RETENTION_DAYS = 400;

  /** Benchmarks only (`npm run bench` measures the audit's cost): refused in production. */
  @Transform(toBool)
  @IsBoolean({ message: 'must be true or false' })
  AUDIT_DISABLED_FOR_BENCHMARK = false;

  /** Run a job worker in this process. False for API-only replicas (then run `npm run worker` elsewhere). */
  @Transform(toBool)
  @IsBoolean({ message: 'must be true or false' })
  JOBS_WORKER = true;

  /** Connections of the job engine's own pool on PostgreSQL (on the embedded database it shares the API's one). */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number between 1 and 20' })
  @Min(1, { message: 'must be a whole number between 1 and 20' })
  @Max(20, { message: 'must be a whole number between 1 and 20' })
  JOBS_POOL_SIZE = 2;

  /** How often an idle worker looks for new jobs, in milliseconds. */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of milliseconds between 500 and 60000' })
  @Min(500, { message: 'must be a whole number of milliseconds between 500 and 60000' })
  @Max(60_000, { message: 'must be a whole number of milliseconds between 500 and 60000' })
  JOBS_POLL_INTERVAL_MS = 2_000;

  /** Records an erasure step touches in one transaction: short transactions keep the API serving. */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number between 1 and 10000' })
  @Min(1, { message: 'must be a whole number between 1 and 10000' })
  @Max(10_000, { message: 'must be a whole number between 1 and 10000' })
  ERASURE_BATCH_SIZE = 500;

  /** Hours an access export's download link stays valid; the file is purged when it expires. */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of hours between 1 and 720' })
  @Min(1, { message: 'must be a whole number of hours between 1 and 720' })
  @Max(720, { message: 'must be a whole number of hours between 1 and 720' })
  DATA_EXPORT_LINK_HOURS = 72;

  /** Days an organization's data is kept after its subscription ends or the contract is terminated. */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of days between 0 and 90' })
  @Min(0, { message: 'must be a whole number of days between 0 and 90' })
  @Max(90, { message: 'must be a whole number of days between 0 and 90' })
  RETENTION_ACCOUNT_DAYS_AFTER_SUBSCRIPTION = 30;

  /** Days an ended session's device facts (IP address, browser) are kept for security investigations. */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of days between 1 and 365' })
  @Min(1, { message: 'must be a whole number of days between 1 and 365' })
  @Max(365, { message: 'must be a whole number of days between 1 and 365' })
  RETENTION_ENDED_SESSION_DAYS = 30;

  /** Days calendar entries that belong to no job are kept after they ended. */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of days between 30 and 3650' })
  @Min(30, { message: 'must be a whole number of days between 30 and 3650' })
  @Max(3650, { message: 'must be a whole number of days between 30 and 3650' })
  RETENTION_SCHEDULE_HISTORY_DAYS = 730;

  /** Years invoices and payments are kept after their date (tax law: 7 where the policies apply). */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of years between 5 and 12' })
  @Min(5, { message: 'must be a whole number of years between 5 and 12' })
  @Max(12, { message: 'must be a whole number of years between 5 and 12' })
  RETENTION_INVOICE_YEARS = 7;

  /** Days a used or expired one-time link (email confirmation, password reset, invitation) is kept. */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of days between 1 and 90' })
  @Min(1, { message: 'must be a whole number of days between 1 and 90' })
  @Max(90, { message: 'must be a whole number of days between 1 and 90' })
  RETENTION_EXPIRED_LINK_DAYS = 7;

  /** Days an organization whose sign-up was never confirmed by email is kept, then purged. */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of days between 1 and 90' })
  @Min(1, { message: 'must be a whole number of days between 1 and 90' })
  @Max(90, { message: 'must be a whole number of days between 1 and 90' })
  RETENTION_UNCONFIRMED_SIGN_UP_DAYS = 7;

  /** Hours failed sign-ins of an email address are remembered (lockout), then forgotten. */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of hours between 1 and 720' })
  @Min(1, { message: 'must be a whole number of hours between 1 and 720' })
  @Max(720, { message: 'must be a whole number of hours between 1 and 720' })
  RETENTION_SIGN_IN_FAILURE_HOURS = 24;

  /** Rows a retention run deletes per transaction (one short batch each). */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number between 10 and 10000' })
  @Min(10, { message: 'must be a whole number between 10 and 10000' })
  @Max(10000, { message: 'must be a whole number between 10 and 10000' })
  RETENTION_PURGE_BATCH_SIZE = 500;

  /** Days within which every data-subject request is answered (GDPR: one month; the policies say 30). */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of days between 1 and 30' })
  @Min(1, { message: 'must be a whole number of days between 1 and 30' })
  @Max(30, { message: 'must be a whole number of days between 1 and 30' })
  PRIVACY_RESPONSE_DAYS = 30;

  /**
   * Days between a user's erasure request (their account is deactivated at once) and the
   * erasure of the account: time to cancel a mistaken request. Under 30 (the limit).
   */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of days between 0 and 29' })
  @Min(0, { message: 'must be a whole number of days between 0 and 29' })
  @Max(29, { message: 'must be a whole number of days between 0 and 29' })
  ACCOUNT_ERASURE_GRACE_DAYS = 14;

  /** Where the platform's database runs, as the privacy policy states it (e.g. eu-west). */
  @Matches(/^[a-z]{2}(-[a-z]+)?$/, { message: 'must be a region code such as eu-west or us-east' })
  DATA_REGION = 'eu-west';

  /**
   * Slug of the organization that operates this installation: its owners, admins and privacy
   * officers edit the platform's privacy policy. Unset: nobody can (the default text stands).
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{0,79}$/, { message: 'must be an organization slug such as acme-ltd' })
  OPERATOR_ORGANIZATION?: string = undefined;
  /**
   * Days a logged cookie choice is kept as proof of consent: the choice holds at most 182 days
   * (the consent cookie's life), and the proof outlives it for claims about that period.
   */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of days between 182 and 3650' })
  @Min(182, { message: 'must be a whole number of days between 182 and 3650' })
  @Max(3650, { message: 'must be a whole number of days between 182 and 3650' })
  RETENTION_COOKIE_CONSENT_PROOF_DAYS = 1095;

  /**
   * Days raw usage events are kept before only their daily counts remain; only days already
   * rolled up into the counts are deleted.
   */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of days between 1 and 31' })
  @Min(1, { message: 'must be a whole number of days between 1 and 31' })
  @Max(31, { message: 'must be a whole number of days between 1 and 31' })
  RETENTION_USAGE_EVENT_DAYS = 3;

  /** Months the anonymized daily usage counts (the usage dashboard's data) are kept. */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of months between 1 and 60' })
  @Min(1, { message: 'must be a whole number of months between 1 and 60' })
  @Max(60, { message: 'must be a whole number of months between 1 and 60' })
  RETENTION_USAGE_AGGREGATE_MONTHS = 24;

  /**
   * Let webhook endpoints point at private, loopback, link-local and unique-local addresses
   * (tests and self-hosted receivers on the same network). Off: such addresses are refused
   * when an endpoint is saved and again when each delivery connects (DNS rebinding).
   */
  @Transform(toBool)
  @IsBoolean({ message: 'must be true or false' })
  WEBHOOKS_ALLOW_PRIVATE_ADDRESSES = false;

  /** How long one webhook delivery attempt may take before it counts as failed, in milliseconds. */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of milliseconds between 1000 and 60000' })
  @Min(1_000, { message: 'must be a whole number of milliseconds between 1000 and 60000' })
  @Max(60_000, { message: 'must be a whole number of milliseconds between 1000 and 60000' })
  WEBHOOKS_TIMEOUT_MS = 15_000;

  /** Days the webhook outbox and delivery log are kept (settled deliveries only; ids, no personal data). */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of days between 1 and 365' })
  @Min(1, { message: 'must be a whole number of days between 1 and 365' })
  @Max(365, { message: 'must be a whole number of days between 1 and 365' })
  WEBHOOKS_LOG_RETENTION_DAYS = 30;

  /**
   * Hours an `Idempotency-Key` keeps its first answer: a retry with the same key and request
   * within them gets that answer again; then the sealed answer is purged (hourly).
   */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of hours between 1 and 72' })
  @Min(1, { message: 'must be a whole number of hours between 1 and 72' })
  @Max(72, { message: 'must be a whole number of hours between 1 and 72' })
  IDEMPOTENCY_KEY_HOURS = 24;
  /** Hours the emailed link of a public data-subject request works; unverified, nothing happens. */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of hours between 1 and 168' })
  @Min(1, { message: 'must be a whole number of hours between 1 and 168' })
  @Max(168, { message: 'must be a whole number of hours between 1 and 168' })
  PRIVACY_REQUEST_LINK_HOURS = 24;

  /** Hours after which an unverified public request is deleted by the hourly purge job. */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of hours between 1 and 720' })
  @Min(1, { message: 'must be a whole number of hours between 1 and 720' })
  @Max(720, { message: 'must be a whole number of hours between 1 and 720' })
  PRIVACY_REQUEST_UNVERIFIED_HOURS = 72;

  /** Days a closed data-subject request is kept as proof of how it was answered (accountability). */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of days between 365 and 3650' })
  @Min(365, { message: 'must be a whole number of days between 365 and 3650' })
  @Max(3650, { message: 'must be a whole number of days between 365 and 3650' })
  RETENTION_PRIVACY_REQUEST_DAYS = 1095;

  /** Where `npm run backup` and the daily backup job write encrypted dumps. Default: DATA_DIR/backups. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  BACKUP_DIR?: string = undefined;

  /**
   * The age recipient (public key, age1...) backups are encrypted to. Its identity (private
   * key) is kept off the server. Unset outside production: a local identity is generated once
   * into DATA_DIR/backup-identity.txt. Unset in production: no backup is taken.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^age1[02-9ac-hj-np-z]{20,}$/, { message: 'must be an age recipient (public key) such as age1ql3z7hjy...' })
  BACKUP_AGE_RECIPIENT?: string = undefined;

  /** The age identity (private key) `npm run restore` decrypts with. Never set it on the server. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^AGE-SECRET-KEY-(PQ-)?1[02-9AC-HJ-NP-Z]+$/, { message: 'must be an age identity (AGE-SECRET-KEY-1...)' })
  BACKUP_AGE_IDENTITY?: string = undefined;

  /** Days backups are kept; the privacy policy promises 90 days at most. */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of days between 1 and 90' })
  @Min(1, { message: 'must be a whole number of days between 1 and 90' })
  @Max(90, { message: 'must be a whole number of days between 1 and 90' })
  BACKUP_RETENTION_DAYS = 90;

  /**
   * Where the journal of destroyed subject keys lives: outside the database and its backups,
   * so a restored backup can be re-shredded. Default: DATA_DIR/key-journal.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  KEY_JOURNAL_DIR?: string = undefined;
}
