import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { AppSettings } from '../config/settings.module.js';
import { TransactionService } from '../database/transaction.service.js';
import { IdentityService } from '../identity/identity.service.js';
import type { AuthenticatedUser, Caller } from '../identity/identity.types.js';
import { dueDateOf } from './due-dates.js';
import type { PrivacyRequestEntity } from './entities/privacy-request.entity.js';
import { toMyRequest } from './my-privacy-requests.service.js';
import { PrivacyRequestCipher } from './privacy-request.cipher.js';
import { PrivacyRequestAccountErasure } from './privacy-request-account-erasure.js';
import { proposedCorrections } from './privacy-request-corrections.js';
import { PrivacyRequestMails } from './privacy-request-mails.js';
import { actorOf, eventActorOf } from './privacy-requests.actors.js';
import type {
  MyPrivacyRequestCreateDto,
  MyPrivacyRequestResponseDto,
  PrivacyRequestLogDto,
  PrivacyRequestVerifiedResponseDto,
  ProposedCorrectionDto,
  PublicPrivacyRequestDto,
} from './privacy-requests.dto.js';
import { type NewRequest, PrivacyRequestsRepository } from './privacy-requests.repository.js';
import type { MatchedSubject, RequestChannel, RequestType } from './privacy-requests.types.js';

/** At most this many public requests per email address per hour: the form cannot flood an inbox. */
const PUBLIC_REQUESTS_PER_HOUR = 3;

const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

interface Requester {
  email: string;
  fullName: string;
  message?: string;
  identityCheck?: string;
  userId?: string;
  corrections?: ProposedCorrectionDto[];
  /** Confirmed at once: the signed-in user asking about their own account. */
  subjects?: MatchedSubject[];
}

/**
 * How requests arrive: the public form (unverified until the emailed link is followed), a
 * signed-in user's privacy center, or an officer logging one received by email or phone.
 * The public answer never tells whether the email is known.
 */
@Injectable()
export class PrivacyRequestIntakeService {
  private readonly logger = new Logger(PrivacyRequestIntakeService.name);

  constructor(
    private readonly transactions: TransactionService,
    private readonly requests: PrivacyRequestsRepository,
    private readonly cipher: PrivacyRequestCipher,
    private readonly mails: PrivacyRequestMails,
    private readonly identity: IdentityService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly settings: AppSettings,
    private readonly accountErasure: PrivacyRequestAccountErasure,
  ) {}

  async submitPublic(slug: string, input: PublicPrivacyRequestDto): Promise<void> {
    const organization = await this.identity.findOrganizationBySlug(slug);
    if (!organization) throw new AppError('not-found', 'No such organization');
    // Bad corrections answer 400 whatever the rate limit decides.
    proposedCorrections(input.type, input.corrections);
    const now = this.clock.now();
    const emailIndex = this.cipher.emailIndex(input.email);
    const recent = await this.requests.page(organization.id, { emailIndex }, null, PUBLIC_REQUESTS_PER_HOUR + 5);
    const lastHour = recent.rows.filter(
      (row) => row.channel === 'form' && row.createdAt.getTime() > now.getTime() - 3_600_000,
    );
    if (lastHour.length >= PUBLIC_REQUESTS_PER_HOUR) return;
    const token = randomBytes(32).toString('base64url');
    const values = await this.prepare(organization.id, input.type, 'form', input, now);
    values.status = 'unverified';
    values.verificationTokenHash = sha256Hex(token);
    values.verificationExpiresAt = new Date(now.getTime() + this.settings.privacy.requestLinkHours * 3_600_000);
    await this.transactions.run(async (tx) => {
      await this.requests.insert(values, tx);
      await this.requests.appendEvent(
        {
          organizationId: organization.id,
          requestId: values.id,
          type: 'created',
          actorKind: 'requester',
          actorId: null,
          fromStatus: null,
          toStatus: 'unverified',
          details: { channel: 'form' },
          at: now,
        },
        tx,
      );
      this.audit.record(tx, {
        organizationId: organization.id,
        action: 'privacy.request.created',
        actor: { kind: 'anonymous', id: null },
        targetType: 'privacy_request',
        targetId: values.id,
        details: { type: input.type, channel: 'form' },
      });
    });
    // After the answer is decided: a slow mail server neither delays nor reveals anything.
    this.mails
      .verify(input.email, input.fullName, organization.name, input.type, token)
      .catch((error: Error) => this.logger.error(`Privacy request verification mail failed: ${error.message}`));
  }

  async verify(token: string): Promise<PrivacyRequestVerifiedResponseDto> {
    const now = this.clock.now();
    const gone = () => new AppError('not-found', 'This link has expired or was already used; send the form again');
    const request = await this.requests.findByTokenHash(sha256Hex(token));
    if (request?.status !== 'unverified' || !request.verificationExpiresAt || request.verificationExpiresAt <= now) {
      throw gone();
    }
    const organization = await this.identity.findOrganization(request.organizationId);
    const dueAt = dueDateOf(request.type, now, this.settings.privacy.responseDays);
    await this.transactions.run(async (tx) => {
      const moved = await this.requests.updateIfVersion(
        request.organizationId,
        request.id,
        request.version,
        { status: 'received', receivedAt: now, dueAt, verificationTokenHash: null, verificationExpiresAt: null },
        tx,
      );
      if (!moved) throw gone();
      await this.requests.appendEvent(
        {
          organizationId: request.organizationId,
          requestId: request.id,
          type: 'verified',
          actorKind: 'requester',
          actorId: null,
          fromStatus: 'unverified',
          toStatus: 'received',
          details: { dueAt: dueAt.toISOString() },
          at: now,
        },
        tx,
      );
      this.audit.record(tx, {
        organizationId: request.organizationId,
        action: 'privacy.request.verified',
        actor: { kind: 'anonymous', id: null },
        targetType: 'privacy_request',
        targetId: request.id,
        details: { type: request.type },
      });
    });
    await this.acknowledge(request, organization?.name ?? 'The organization', dueAt);
    return { organizationName: organization?.name ?? '', type: request.type, dueAt };
  }

  /** A signed-in user's own request: they are who they say, so it is received at once. */
  async submitMine(user: AuthenticatedUser, input: MyPrivacyRequestCreateDto): Promise<MyPrivacyRequestResponseDto> {
    const profile = await this.identity.getUser(user.organizationId, user.userId);
    if (!profile) throw new AppError('not-found', 'No such user');
    // Erasure of one's own account: the session verifies who asks; the only owner cannot (409).
    const self: MatchedSubject[] = input.type === 'erasure' ? [{ kind: 'user', id: user.userId }] : [];
    await this.accountErasure.assertMayLeave(user.organizationId, self);
    const request = await this.receive(
      user,
      input.type,
      'privacy_center',
      {
        email: profile.email,
        fullName: profile.fullName,
        message: input.message,
        userId: user.userId,
        corrections: input.corrections,
        subjects: self,
      },
      this.clock.now(),
    );
    await this.accountErasure.deactivate(user, request, self);
    return toMyRequest((await this.requests.find(request.organizationId, request.id)) ?? request, null);
  }

  /** An officer logs a request received by email, phone, post or in person, saying how identity was checked. */
  async log(caller: Caller, input: PrivacyRequestLogDto): Promise<string> {
    const now = this.clock.now();
    const receivedAt = input.receivedAt ?? now;
    if (Number.isNaN(receivedAt.getTime()) || receivedAt > now) {
      throw new AppError('validation-failed', 'receivedAt: must be a date not in the future', {
        errors: [{ field: 'receivedAt', message: 'must be a date not in the future' }],
      });
    }
    const request = await this.receive(caller, input.type, input.channel, input, receivedAt);
    return request.id;
  }

  private async receive(
    caller: Caller,
    type: RequestType,
    channel: RequestChannel,
    requester: Requester,
    receivedAt: Date,
  ): Promise<PrivacyRequestEntity> {
    const now = this.clock.now();
    const organization = await this.identity.findOrganization(caller.organizationId);
    const values = await this.prepare(caller.organizationId, type, channel, requester, now);
    values.receivedAt = receivedAt;
    values.dueAt = dueDateOf(type, receivedAt, this.settings.privacy.responseDays);
    const request = await this.transactions.run(async (tx) => {
      const inserted = await this.requests.insert(values, tx);
      await this.requests.appendEvent(
        {
          organizationId: caller.organizationId,
          requestId: values.id,
          type: 'created',
          ...eventActorOf(caller),
          fromStatus: null,
          toStatus: 'received',
          details: { channel, receivedAt: receivedAt.toISOString(), dueAt: values.dueAt?.toISOString() },
          at: now,
        },
        tx,
      );
      this.audit.record(tx, {
        organizationId: caller.organizationId,
        action: 'privacy.request.created',
        actor: actorOf(caller),
        targetType: 'privacy_request',
        targetId: values.id,
        details: { type, channel },
      });
      return inserted;
    });
    await this.acknowledge(request, organization?.name ?? 'The organization', values.dueAt as Date, requester.email);
    return request;
  }

  private async prepare(
    organizationId: string,
    type: RequestType,
    channel: RequestChannel,
    requester: Requester,
    now: Date,
  ): Promise<NewRequest> {
    const id = randomUUID();
    const corrections = proposedCorrections(type, requester.corrections);
    // Sealed before the transaction: creating the request's key must not wait inside it.
    return {
      id,
      organizationId,
      type,
      channel,
      status: 'received',
      requesterEmailEnc: await this.cipher.seal(id, 'email', requester.email.toLowerCase()),
      requesterEmailIndex: this.cipher.emailIndex(requester.email),
      requesterNameEnc: await this.cipher.seal(id, 'name', requester.fullName),
      messageEnc: await this.cipher.seal(id, 'message', requester.message),
      identityCheckEnc: await this.cipher.seal(id, 'identityCheck', requester.identityCheck),
      extensionReasonEnc: null,
      rejectionReasonEnc: null,
      correctionsEnc: corrections
        ? await this.cipher.seal(id, 'corrections', JSON.stringify(corrections.values))
        : null,
      corrections: corrections?.states ?? [],
      requesterUserId: requester.userId ?? null,
      assigneeId: null,
      subjects: requester.subjects ?? [],
      verificationTokenHash: null,
      verificationExpiresAt: null,
      receivedAt: null,
      dueAt: null,
      createdAt: now,
    } as NewRequest;
  }

  /** The "we received it, you will hear by …" mail, sent once a request counts as received. */
  private async acknowledge(request: PrivacyRequestEntity, organizationName: string, dueAt: Date, email?: string) {
    let to = email;
    if (!to) {
      const keys = await this.cipher.keysFor([request]);
      to = this.cipher.open(keys, request.id, 'email', request.requesterEmailEnc) ?? undefined;
    }
    if (!to) return;
    this.mails
      .received(to, organizationName, request.type, dueAt)
      .catch((error: Error) => this.logger.error(`Privacy request receipt mail failed: ${error.message}`));
  }
}
