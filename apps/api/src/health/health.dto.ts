export class LivenessResponseDto {
  /** Always `ok` while the process serves requests. */
  status: 'ok';
}

export class ReadinessResponseDto {
  /** `ok` when every dependency answers. */
  status: 'ok';
  /** Each dependency and whether it answered. */
  checks: Record<string, 'up'>;
}

export class JobQueueHealthDto {
  /** The job's name, e.g. `retention.purge`. */
  queue: string;
  /** Jobs that failed every attempt (kept for inspection until pg-boss deletes them). */
  failed: number;
  /** Of those, copies waiting in the queue's dead-letter queue. */
  deadLettered: number;
  lastFailedAt: Date | null;
  /** The first line of the last failure's error: ids and reason codes, never personal data. */
  lastError: string | null;
}

export class HealthDetailsResponseDto {
  /** One entry per registered job. */
  jobs: JobQueueHealthDto[];
}
