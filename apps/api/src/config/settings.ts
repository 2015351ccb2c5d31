import { join } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { EnvironmentSchema, type LOG_LEVELS, type NODE_ENVS } from './settings.schema.js';

/** The typed settings every other part of the API receives. Built once, at boot. */
export interface Settings {
  env: (typeof NODE_ENVS)[number];
  http: {
    port: number;
    host: string;
    corsOrigins: string[];
    bodyLimit: string;
    trustProxyHops: number;
    shutdownTimeoutMs: number;
    staticDir: string;
  };
  database: {
    /** Absent means: start the embedded PGlite server under `dataDir`. */
    url?: string;
    /**
     * The tables' owner, for migrations; the app then connects as DATABASE_URL's non-owner
     * role and row-level security binds it. Absent: DATABASE_URL migrates too.
     */
    migrationUrl?: string;
    poolSize: number;
  };
  dataDir: string;
  /** Base64 master key; absent outside production means a generated local key. */
  masterKey?: string;
  logLevel: (typeof LOG_LEVELS)[number];
  rateLimit: {
    /** Shared counters across replicas when set; in-process otherwise. */
    redisUrl?: string;
    perMinute: number;
    signInPerMinute: number;
  };
  mail: {
    /** Absent: mail is written to DATA_DIR/outbox as .eml files instead of being sent. */
    smtpUrl?: string;
    from: string;
    /** Milliseconds to connect and to get the greeting (the idle socket gets twice that). */
    timeoutMs: number;
    /** Hours a queued email is retried before it is given up. */
    retryHours: number;
    /** Days what is left of a sent or given-up email (times, attempts, error line) is kept. */
    logRetentionDays: number;
  };
  /** Public URL of the app, for links in emails (no trailing slash). */
  appUrl: string;
  /** Seed the demo organization at start-up (npm start does). */
  seedDemo: boolean;
  audit: {
    retentionDays: number;
    /** Benchmarks only: measures what the audit trail costs. Refused in production. */
    disabledForBenchmark: boolean;
  };
  jobs: {
    /** Run a worker in this process (`npm run worker` always does). */
    worker: boolean;
    poolSize: number;
    pollIntervalMs: number;
  };
  /** Records per erasure step (one transaction each). */
  erasureBatchSize: number;
  /** Hours an access export can be downloaded before it is purged. */
  dataExportLinkHours: number;
  /**
   * Retention periods: the privacy policy's wording (each provider's `describe()`) and the
   * purge jobs read these same numbers. A provider names its period by path here
   * (`retention.invoiceYears`, `audit.retentionDays`); a test fails on a path that is not.
   */
  retention: {
    accountDaysAfterSubscription: number;
    endedSessionDays: number;
    scheduleHistoryDays: number;
    invoiceYears: number;
    expiredLinkDays: number;
    unconfirmedSignUpDays: number;
    signInFailureHours: number;
    /** Rows per retention batch (one short transaction each). */
    purgeBatchSize: number;
    cookieConsentProofDays: number;
    usageEventDays: number;
    /** Months the anonymized daily usage counts are kept. */
    usageAggregateMonths: number;
    /** Closed data-subject requests, kept as proof of the answer. */
    privacyRequestDays: number;
  };
  privacy: {
    /** Days to answer a data-subject request; the policy states it and request due dates use it. */
    responseDays: number;
    /** Region the platform's data is stored in (the policy's residency section). */
    dataRegion: string;
    /** Slug of the organization whose privacy staff edit the platform policy. */
    operatorOrganization?: string;
    /** Hours a public request's verification link works. */
    requestLinkHours: number;
    /** Hours after which unverified public requests are deleted. */
    unverifiedRequestHours: number;
    /** Days from a user's erasure request (account deactivated at once) to the account's erasure. */
    accountErasureGraceDays: number;
  };
  backup: {
    /** Where encrypted dumps are written. */
    dir: string;
    /** age public key backups are encrypted to; absent outside production means a local identity. */
    ageRecipient?: string;
    /** age private key for restores (an operator's machine, not the server). */
    ageIdentity?: string;
    retentionDays: number;
  };
  /** The append-only journal of destroyed subject keys (outside the database and its backups). */
  keyJournalDir: string;
  webhooks: {
    /** Allow endpoints on private and loopback addresses (refused by default). */
    allowPrivateAddresses: boolean;
    timeoutMs: number;
    /** Days messages and their delivery log are kept once settled. */
    logRetentionDays: number;
  };
  idempotency: {
    /** Hours the first answer to an `Idempotency-Key` is replayed, then purged. */
    keyHours: number;
  };
}

export class SettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'SettingsError';
  }
}

export type RawEnvironment = Record<string, string | undefined>;

/**
 * Validates the raw environment and returns typed settings, or throws a SettingsError
 * with one line per bad setting. Values are never echoed: some are secrets.
 */
export function loadSettings(raw: RawEnvironment): Settings {
  const known = Object.keys(new EnvironmentSchema());
  const picked = Object.fromEntries(
    Object.entries(raw).filter(([key, value]) => known.includes(key) && value !== undefined),
  );
  const env = plainToInstance(EnvironmentSchema, picked, { exposeDefaultValues: true });
  const problems = validateSync(env, { skipMissingProperties: false }).map((error) => {
    const message = Object.values(error.constraints ?? {})[0] ?? 'is invalid';
    return `Invalid setting ${error.property}: ${message}`;
  });
  if (env.NODE_ENV === 'production' && env.SEED_DEMO === true) {
    problems.push(
      'Invalid setting SEED_DEMO: must be false in production: the demo accounts have a published password',
    );
  }
  if (env.NODE_ENV === 'production' && env.AUDIT_DISABLED_FOR_BENCHMARK === true) {
    problems.push(
      'Invalid setting AUDIT_DISABLED_FOR_BENCHMARK: must be false in production: the audit trail is not optional',
    );
  }
  if (problems.length > 0) throw new SettingsError(problems);
  return {
    env: env.NODE_ENV,
    http: {
      port: env.PORT,
      host: env.HOST,
      corsOrigins: env.CORS_ORIGINS ? env.CORS_ORIGINS.split(',') : [],
      bodyLimit: env.BODY_LIMIT,
      trustProxyHops: env.TRUST_PROXY_HOPS,
      shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
      staticDir: env.STATIC_DIR,
    },
    database: { url: env.DATABASE_URL, migrationUrl: env.DATABASE_MIGRATION_URL, poolSize: env.DATABASE_POOL_SIZE },
    dataDir: env.DATA_DIR,
    masterKey: env.MASTER_KEY,
    logLevel: env.LOG_LEVEL,
    rateLimit: {
      redisUrl: env.REDIS_URL,
      perMinute: env.RATE_LIMIT_PER_MINUTE,
      signInPerMinute: env.SIGN_IN_RATE_LIMIT_PER_MINUTE,
    },
    mail: {
      smtpUrl: env.SMTP_URL,
      from: env.MAIL_FROM,
      timeoutMs: env.MAIL_TIMEOUT_MS,
      retryHours: env.MAIL_RETRY_HOURS,
      logRetentionDays: env.MAIL_LOG_RETENTION_DAYS,
    },
    appUrl: (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
    seedDemo: env.SEED_DEMO,
    audit: { retentionDays: env.AUDIT_RETENTION_DAYS, disabledForBenchmark: env.AUDIT_DISABLED_FOR_BENCHMARK },
    jobs: { worker: env.JOBS_WORKER, poolSize: env.JOBS_POOL_SIZE, pollIntervalMs: env.JOBS_POLL_INTERVAL_MS },
    erasureBatchSize: env.ERASURE_BATCH_SIZE,
    dataExportLinkHours: env.DATA_EXPORT_LINK_HOURS,
    retention: {
      accountDaysAfterSubscription: env.RETENTION_ACCOUNT_DAYS_AFTER_SUBSCRIPTION,
      endedSessionDays: env.RETENTION_ENDED_SESSION_DAYS,
      scheduleHistoryDays: env.RETENTION_SCHEDULE_HISTORY_DAYS,
      invoiceYears: env.RETENTION_INVOICE_YEARS,
      expiredLinkDays: env.RETENTION_EXPIRED_LINK_DAYS,
      unconfirmedSignUpDays: env.RETENTION_UNCONFIRMED_SIGN_UP_DAYS,
      signInFailureHours: env.RETENTION_SIGN_IN_FAILURE_HOURS,
      purgeBatchSize: env.RETENTION_PURGE_BATCH_SIZE,
      cookieConsentProofDays: env.RETENTION_COOKIE_CONSENT_PROOF_DAYS,
      usageEventDays: env.RETENTION_USAGE_EVENT_DAYS,
      usageAggregateMonths: env.RETENTION_USAGE_AGGREGATE_MONTHS,
      privacyRequestDays: env.RETENTION_PRIVACY_REQUEST_DAYS,
    },
    privacy: {
      responseDays: env.PRIVACY_RESPONSE_DAYS,
      dataRegion: env.DATA_REGION,
      operatorOrganization: env.OPERATOR_ORGANIZATION,
      requestLinkHours: env.PRIVACY_REQUEST_LINK_HOURS,
      unverifiedRequestHours: env.PRIVACY_REQUEST_UNVERIFIED_HOURS,
      accountErasureGraceDays: env.ACCOUNT_ERASURE_GRACE_DAYS,
    },
    backup: {
      dir: env.BACKUP_DIR ?? join(env.DATA_DIR, 'backups'),
      ageRecipient: env.BACKUP_AGE_RECIPIENT,
      ageIdentity: env.BACKUP_AGE_IDENTITY,
      retentionDays: env.BACKUP_RETENTION_DAYS,
    },
    keyJournalDir: env.KEY_JOURNAL_DIR ?? join(env.DATA_DIR, 'key-journal'),
    webhooks: {
      allowPrivateAddresses: env.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES,
      timeoutMs: env.WEBHOOKS_TIMEOUT_MS,
      logRetentionDays: env.WEBHOOKS_LOG_RETENTION_DAYS,
    },
    idempotency: { keyHours: env.IDEMPOTENCY_KEY_HOURS },
  };
}
