import { Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import type { ContactUpdateDto } from '../crm/clients/contacts.dto.js';
import { ContactsService } from '../crm/clients/contacts.service.js';
import { IdentityService } from '../identity/identity.service.js';
import type { Caller } from '../identity/identity.types.js';
import type { PrivacyRequestEntity } from './entities/privacy-request.entity.js';
import { PrivacyRequestCipher } from './privacy-request.cipher.js';
import { actorOf } from './privacy-requests.actors.js';
import type { CorrectionReviewDto } from './privacy-requests.dto.js';
import { CORRECTABLE, type CorrectionField, type MatchedSubject } from './privacy-requests.types.js';

type Proposals = Partial<Record<CorrectionField, string>>;

/**
 * Rectification (Art. 16 GDPR): what the requester proposes, against what the confirmed
 * person's record says now, and the officer's apply. A correction lands through the context
 * that owns the record (`ContactsService.update`, `IdentityService.rectifyUser`), so its
 * validation, version check and activity or audit entry apply as for any edit.
 */
@Injectable()
export class PrivacyRequestRectificationService {
  constructor(
    private readonly cipher: PrivacyRequestCipher,
    private readonly contacts: ContactsService,
    private readonly identity: IdentityService,
  ) {}

  async proposals(request: PrivacyRequestEntity): Promise<Proposals> {
    if (!request.correctionsEnc) return {};
    const keys = await this.cipher.keysFor([request]);
    const opened = this.cipher.open(keys, request.id, 'corrections', request.correctionsEnc);
    return opened ? (JSON.parse(opened) as Proposals) : {};
  }

  /** Current against proposed, per field, from the first confirmed person whose record has the field. */
  async review(caller: Caller, request: PrivacyRequestEntity): Promise<CorrectionReviewDto[]> {
    if (request.corrections.length === 0) return [];
    const proposals = await this.proposals(request);
    const records = new Map<string, Record<string, unknown> | null>();
    for (const subject of request.subjects) {
      records.set(`${subject.kind}:${subject.id}`, await this.record(caller, subject));
    }
    return request.corrections.map(({ field, decision }) => {
      const holder = this.targets(request, field)[0];
      const current = holder ? records.get(`${holder.kind}:${holder.id}`)?.[field] : null;
      return { field, decision, proposed: proposals[field] ?? null, current: (current as string | null) ?? null };
    });
  }

  /** The confirmed people whose record has this field. */
  targets(request: PrivacyRequestEntity, field: CorrectionField): MatchedSubject[] {
    return request.subjects.filter((subject) => CORRECTABLE[subject.kind].includes(field));
  }

  /** Applies one proposed value to every confirmed record with the field, through its owner. */
  async apply(caller: Caller, request: PrivacyRequestEntity, field: CorrectionField): Promise<MatchedSubject[]> {
    const targets = this.targets(request, field);
    if (targets.length === 0) {
      throw new AppError('conflict', `Confirm the match first: no confirmed person's record has ${field}`);
    }
    const value = (await this.proposals(request))[field];
    if (value === undefined) throw new AppError('conflict', 'The proposed value is gone (the requester was erased)');
    for (const subject of targets) {
      if (subject.kind === 'contact') {
        const contact = await this.contacts.get(caller, subject.id);
        await this.contacts.update(caller, subject.id, {
          version: contact.version,
          [field]: value,
        } as ContactUpdateDto);
      } else {
        await this.identity.rectifyUser(request.organizationId, subject.id, { [field]: value }, actorOf(caller));
      }
    }
    return targets;
  }

  private async record(caller: Caller, subject: MatchedSubject): Promise<Record<string, unknown> | null> {
    if (subject.kind === 'user') {
      return (
        ((await this.identity.getUser(caller.organizationId, subject.id)) as unknown as Record<string, unknown>) ?? null
      );
    }
    return (await this.contacts.get(caller, subject.id).catch(() => null)) as unknown as Record<string, unknown> | null;
  }
}
