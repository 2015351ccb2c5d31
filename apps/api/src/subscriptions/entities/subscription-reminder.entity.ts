import { Column, Entity, PrimaryColumn } from 'typeorm';
import { NotPersonal } from '#personal-data';

export const REMINDER_KINDS = ['renewal', 'purge'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/**
 * A reminder sent to an organization's owners and admins: the key (organization, kind, the
 * date it is about, days before) is stored before the email is queued, in one transaction,
 * so a retried run or a second replica never sends it twice. Purged with the organization.
 */
@Entity('subscription_reminders')
export class SubscriptionReminderEntity {
  @NotPersonal('tenant key')
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @NotPersonal('renewal (before the end) or purge (before the purge)')
  @PrimaryColumn({ type: 'varchar', length: 16 })
  kind: ReminderKind;

  @NotPersonal('the end or purge date the reminder is about')
  @PrimaryColumn({ name: 'for_date', type: 'timestamptz' })
  forDate: Date;

  @NotPersonal('reminder schedule')
  @PrimaryColumn({ name: 'days_before', type: 'smallint' })
  daysBefore: number;

  @NotPersonal('technical timestamp')
  @Column({ name: 'sent_at', type: 'timestamptz' })
  sentAt: Date;
}
