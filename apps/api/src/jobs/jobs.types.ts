/**
 * What a job carries: ids, dates as ISO strings, counts; never personal data. Jobs are rows
 * in the database and their payloads outlive an erasure, so they name subjects only by id.
 * A payload with an `organizationId` runs in that organization's database scope: row-level
 * security shows the handler nothing of any other organization.
 */
export type JobPayload = Record<string, string | number | boolean | null>;

export interface JobContext {
  id: string;
  /** 0 on the first attempt. */
  retryCount: number;
}

/**
 * A named piece of background work. The handler is idempotent: it checks what is still to do,
 * acts in short transactions, and records what it did, so a retry or a crash mid-way resumes
 * without doing anything twice.
 */
export interface JobDefinition<Payload extends JobPayload = JobPayload> {
  /** `context.action`, e.g. `retention.purge`. */
  name: string;
  handle(payload: Payload, job: JobContext): Promise<void>;
  /** Attempts after the first before the job is dead-lettered. Default 5. */
  retryLimit?: number;
  /** First retry delay in seconds, doubled (with jitter) on each further retry. Default 30. */
  retryDelaySeconds?: number;
  /** Longest a single attempt may run before it counts as failed. Default 15 minutes. */
  expireInSeconds?: number;
}

/** Failed jobs of one queue, as admins see them: counts and the error, no payloads. */
export interface JobFailureSummary {
  queue: string;
  failed: number;
  deadLettered: number;
  lastFailedAt: Date | null;
  lastError: string | null;
}
