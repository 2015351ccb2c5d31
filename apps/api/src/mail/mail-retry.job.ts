import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { Clock } from '../common/clock.js';
import { JobsService } from '../jobs/jobs.service.js';
import { MailOutbox } from './mail-outbox.js';
import { MailOutboxRepository } from './mail-outbox.repository.js';

export const MAIL_RETRY = 'mail.retry';
export const MAIL_DELIVER = 'mail.deliver';
/** Due messages enqueued per tick; a longer backlog drains over the next minutes. */
const RETRY_BATCH = 200;

/** What a delivery job carries: the outbox row's id, nothing else. */
export type MailDeliverPayload = { outboxId: string };

/**
 * Retries of queued mail through the job engine. Every minute the tick enqueues one
 * `mail.deliver` job per due message (once per message and attempt, however many replicas
 * tick); the job claims the message (one statement: a second job finds it not due), sends it,
 * and records the outcome. A failed send is not a job failure: the message is due again on
 * the retry schedule, until MAIL_RETRY_HOURS.
 */
@Injectable()
export class MailRetryJob implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly outbox: MailOutbox,
    private readonly rows: MailOutboxRepository,
    private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.register<MailDeliverPayload>({
      name: MAIL_DELIVER,
      retryLimit: 3,
      retryDelaySeconds: 10,
      expireInSeconds: 600,
      handle: async ({ outboxId }) => {
        await this.outbox.retry(outboxId);
      },
    });
    await this.jobs.register({
      name: MAIL_RETRY,
      retryLimit: 1,
      handle: async () => {
        await this.dispatch();
      },
    });
  }

  @Cron('30 * * * * *', { name: MAIL_RETRY })
  tick(): Promise<string | null> {
    return this.jobs.tick(MAIL_RETRY, this.clock.now());
  }

  /** Enqueues an attempt of every message the clock finds due; returns how many were due. */
  async dispatch(): Promise<number> {
    const due = await this.rows.due(this.clock.now(), RETRY_BATCH);
    for (const { id, attempts } of due) {
      await this.jobs.enqueueOnce(MAIL_DELIVER, { outboxId: id }, `${MAIL_DELIVER}:${id}:${attempts}`);
    }
    return due.length;
  }
}
