import { Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import { ContactsService } from '../crm/clients/contacts.service.js';
import { IdentityService } from '../identity/identity.service.js';
import type { Caller } from '../identity/identity.types.js';
import type { PrivacyRequestEntity } from './entities/privacy-request.entity.js';
import type { CandidateMatchDto } from './privacy-requests.dto.js';
import type { MatchedSubject } from './privacy-requests.types.js';

const same = (a: MatchedSubject, b: MatchedSubject) => a.kind === b.kind && a.id === b.id;

/**
 * Who a request is about: the user and contacts of the organization with the requester's
 * email, found by blind index (never by decrypting everyone), plus the user who filed it
 * from the privacy center. Only the officer sees candidates; the requester learns nothing.
 */
@Injectable()
export class PrivacyRequestMatchingService {
  constructor(
    private readonly identity: IdentityService,
    private readonly contacts: ContactsService,
  ) {}

  async candidates(caller: Caller, request: PrivacyRequestEntity, email: string | null): Promise<CandidateMatchDto[]> {
    const found: MatchedSubject[] = [];
    const add = (subject: MatchedSubject) => {
      if (!found.some((known) => same(known, subject))) found.push(subject);
    };
    if (request.requesterUserId) add({ kind: 'user', id: request.requesterUserId });
    if (email) {
      const userId = await this.identity.userIdByEmail(request.organizationId, email);
      if (userId) add({ kind: 'user', id: userId });
      for (const id of await this.contacts.idsByEmail(request.organizationId, email)) add({ kind: 'contact', id });
    }
    // Confirmed subjects stay listed even if their email has changed since.
    for (const subject of request.subjects) add(subject);
    const userNames = await this.identity.namesOf(
      request.organizationId,
      found.filter((subject) => subject.kind === 'user').map((subject) => subject.id),
    );
    const candidates: CandidateMatchDto[] = [];
    for (const subject of found) {
      let name: string | null = null;
      if (subject.kind === 'user') name = userNames.get(subject.id) ?? null;
      else name = (await this.contacts.get(caller, subject.id).catch(() => null))?.fullName ?? null;
      candidates.push({
        ...subject,
        name,
        confirmed: request.subjects.some((confirmed) => same(confirmed, subject)),
      });
    }
    return candidates;
  }

  /** The officer's choice must be among the candidates: a request cannot be pointed at anyone else. */
  async assertCandidates(
    caller: Caller,
    request: PrivacyRequestEntity,
    email: string | null,
    chosen: MatchedSubject[],
  ): Promise<MatchedSubject[]> {
    const candidates = await this.candidates(caller, request, email);
    const unique: MatchedSubject[] = [];
    for (const [index, subject] of chosen.entries()) {
      if (!candidates.some((candidate) => same(candidate, subject))) {
        const message = "is not a user or contact with the requester's email";
        throw new AppError('validation-failed', `subjects.${index}: ${message}`, {
          errors: [{ field: `subjects.${index}`, message }],
        });
      }
      if (!unique.some((known) => same(known, subject))) unique.push({ kind: subject.kind, id: subject.id });
    }
    return unique;
  }
}
