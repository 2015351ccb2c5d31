import { Injectable } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service.js';
import { AppError } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import type { PolicyVersionEntity } from './entities/policy-version.entity.js';
import { PoliciesRepository } from './policies.repository.js';

/** How long a process trusts its copy of the published version number. */
const CURRENT_TTL_MS = 15_000;
/** Users whose acceptance a process remembers (the most recent; others are read again). */
const REMEMBERED_USERS = 50_000;

export interface AcceptanceStatus {
  current: { number: number; effectiveDate: string | null };
  accepted: number | null;
  required: boolean;
}

/**
 * Acceptance of the platform policy. A version published by a person (every version after
 * the one an installation starts with) must be accepted before a user works on; the
 * acceptance is recorded (who, version, when) and audited.
 *
 * Checked on every signed-in request, so it is cached: the published number for 15 s per
 * process, and per user the highest version they accepted, which only ever rises. A user
 * who accepted on another replica is read from the database once, then remembered.
 */
@Injectable()
export class PolicyAcceptanceService {
  private cachedCurrent: { at: number; version: PolicyVersionEntity | null } | null = null;
  private readonly acceptedByUser = new Map<string, number>();

  constructor(
    private readonly policies: PoliciesRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** True when the user must accept the current platform policy before going on. */
  async mustAccept(organizationId: string, userId: string): Promise<boolean> {
    const current = await this.current();
    if (!current || current.number <= 1) return false;
    const remembered = this.acceptedByUser.get(userId) ?? 0;
    if (remembered >= current.number) return false;
    const accepted = await this.policies.highestAccepted(organizationId, userId);
    this.remember(userId, accepted);
    return accepted < current.number;
  }

  async status(organizationId: string, userId: string): Promise<AcceptanceStatus> {
    const current = await this.current(true);
    const accepted = await this.policies.highestAccepted(organizationId, userId);
    return {
      current: { number: current?.number ?? 0, effectiveDate: current?.effectiveDate ?? null },
      accepted: accepted || null,
      required: !!current && current.number > 1 && accepted < current.number,
    };
  }

  async accept(user: { userId: string; organizationId: string }, number: number): Promise<AcceptanceStatus> {
    const current = await this.current(true);
    if (!current || current.number !== number) {
      throw new AppError(
        'conflict',
        `Version ${number} is not the current privacy policy${current ? `; the current one is version ${current.number}` : ''}`,
      );
    }
    await this.policies.insertAcceptance({
      organizationId: user.organizationId,
      userId: user.userId,
      policyVersionId: current.id,
      number,
      acceptedAt: this.clock.now(),
    });
    await this.audit.recordNow({
      organizationId: user.organizationId,
      action: 'privacy.policy.accepted',
      targetType: 'policy.platform',
      targetId: current.id,
      details: { number },
    });
    this.remember(user.userId, number);
    return this.status(user.organizationId, user.userId);
  }

  /** After this process publishes, the next check reads the new number at once. */
  forgetCurrent(): void {
    this.cachedCurrent = null;
  }

  private async current(fresh = false): Promise<PolicyVersionEntity | null> {
    const now = this.clock.nowMs();
    if (!fresh && this.cachedCurrent && now - this.cachedCurrent.at < CURRENT_TTL_MS) return this.cachedCurrent.version;
    const version = await this.policies.findByStatus('platform', null, 'published');
    this.cachedCurrent = { at: now, version };
    return version;
  }

  private remember(userId: string, accepted: number): void {
    this.acceptedByUser.delete(userId);
    this.acceptedByUser.set(userId, Math.max(accepted, this.acceptedByUser.get(userId) ?? 0));
    if (this.acceptedByUser.size > REMEMBERED_USERS) {
      const oldest = this.acceptedByUser.keys().next().value;
      if (oldest !== undefined) this.acceptedByUser.delete(oldest);
    }
  }
}
