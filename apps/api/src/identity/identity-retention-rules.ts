import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AppSettings } from '../config/settings.module.js';
import { RetentionRules } from '../retention/retention-rules.service.js';

/**
 * Identity's retention rules: technical data of sessions, used or expired one-time links,
 * and remembered sign-in failures. Users, clients and contacts themselves are subjects a
 * hold may name.
 */
@Injectable()
export class IdentityRetention implements OnModuleInit {
  constructor(
    private readonly rules: RetentionRules,
    private readonly settings: AppSettings,
  ) {}

  onModuleInit(): void {
    const retention = this.settings.retention;
    this.rules.registerHoldTarget({ kind: 'user', scope: 'subject', table: 'users' });
    this.rules.registerTable({
      key: 'sessions',
      title: 'Ended sessions (IP address and browser)',
      category: 'identity.sessions',
      table: 'sessions',
      setting: 'retention.endedSessionDays',
      unit: 'days',
      from: 'after the session ended (signed out, revoked or expired)',
      settingValue: () => retention.endedSessionDays,
      adjustable: { min: 1, max: 365 },
      startsAt: 'LEAST(t.expires_at, COALESCE(t.revoked_at, t.expires_at))',
      held: [{ kind: 'user', column: 'user_id' }],
    });
    this.rules.registerTable({
      key: 'one-time-links',
      title: 'Used and expired one-time links (email confirmation, password reset, invitation)',
      category: 'identity.one-time-links',
      table: 'one_time_tokens',
      setting: 'retention.expiredLinkDays',
      unit: 'days',
      from: 'after the link was used or expired',
      settingValue: () => retention.expiredLinkDays,
      startsAt: 'LEAST(t.expires_at, COALESCE(t.used_at, t.expires_at))',
      held: [{ kind: 'user', column: 'user_id' }],
    });
    this.rules.registerTable({
      key: 'sign-in-failures',
      title: 'Remembered failed sign-ins (lockout)',
      category: 'identity.sign-in-failures',
      table: 'sign_in_attempts',
      idColumn: 'key',
      organizationColumn: null,
      setting: 'retention.signInFailureHours',
      unit: 'hours',
      from: 'after the last failure',
      hourly: true,
      settingValue: () => retention.signInFailureHours,
      startsAt: 't.last_failure_at',
    });
  }
}
