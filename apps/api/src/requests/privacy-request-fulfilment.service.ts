import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { AppSettings } from '../config/settings.module.js';
import { ConsentPurposesService } from '../consent/contacts/consent-purposes.service.js';
import { ContactConsentsService } from '../consent/contacts/contact-consents.service.js';
import type { Caller } from '../identity/identity.types.js';
import { ErasureService } from '../personal-data/erasure.service.js';
import { DataExportService } from '../personal-data/exports/data-export.service.js';
import type { PrivacyRequestEntity } from './entities/privacy-request.entity.js';
import type { DownloadLink } from './privacy-request-mails.js';
import type { Fulfilment, MatchedSubject, RequestChannel, RequestType } from './privacy-requests.types.js';

/** What the ledger calls the channel a request came through. */
const LEDGER_SOURCE: Record<RequestChannel, 'form' | 'email' | 'phone' | 'in-person'> = {
  form: 'form',
  privacy_center: 'form',
  email: 'email',
  phone: 'phone',
  post: 'email',
  in_person: 'in-person',
};

export interface FulfilmentOutcome {
  fulfilment: Fulfilment;
  /** Stored in the request's history: ids and counts, never a link's token. */
  details: Record<string, unknown>;
  /** For the completion mail only (access and portability): never stored. */
  downloads?: DownloadLink[];
}

/** What fulfilment a request type gets at completion, decided before the completion is stored. */
export const fulfilmentAtCompletion = (type: RequestType, subjects: MatchedSubject[]): Fulfilment => {
  if (subjects.length === 0) return 'none';
  if (type === 'erasure' || type === 'minor') return 'erasure_started';
  if (type === 'access' || type === 'portability') return 'export_pending';
  return 'none';
};

/**
 * Carries out what a request asks, through the contexts that own the data:
 * - erasure and a minor's report: the durable erasure (`ErasureService.start`) for each
 *   confirmed person, at completion; a user asking for their own erasure was deactivated when
 *   matched and is erased after the grace period (`PrivacyRequestAccountErasure`);
 * - objection and withdrawal of consent: the consent ledger, as soon as the match is confirmed
 *   (marketing purposes, for confirmed contacts; users have no marketing consents here);
 * - access and portability: an access export (`DataExportService.start`) per confirmed person,
 *   whose expiring download links go to the verified requester in the completion mail.
 */
@Injectable()
export class PrivacyRequestFulfilmentService {
  constructor(
    private readonly erasure: ErasureService,
    private readonly consents: ContactConsentsService,
    private readonly purposes: ConsentPurposesService,
    private readonly exports: DataExportService,
    private readonly settings: AppSettings,
    private readonly clock: Clock,
  ) {}

  async atCompletion(request: PrivacyRequestEntity): Promise<FulfilmentOutcome | null> {
    const fulfilment = fulfilmentAtCompletion(request.type, request.subjects);
    if (fulfilment === 'erasure_started') {
      // A user asking to be erased was deactivated when matched; their erasure follows the grace period.
      const scheduled = request.type === 'erasure' ? request.subjects.filter((subject) => subject.kind === 'user') : [];
      const now = request.subjects.filter((subject) => !scheduled.includes(subject));
      const erasures: string[] = [];
      for (const subject of now) {
        erasures.push(await this.erasure.start({ ...subject, organizationId: request.organizationId }));
      }
      if (now.length === 0) return { fulfilment: 'erasure_scheduled', details: { scheduled } };
      return { fulfilment, details: { erasures, subjects: now, ...(scheduled.length ? { scheduled } : {}) } };
    }
    if (fulfilment === 'export_pending') {
      return this.requestExport(request);
    }
    return null;
  }

  /** One access export per confirmed person; the links go to the requester, never into the history. */
  private async requestExport(request: PrivacyRequestEntity): Promise<FulfilmentOutcome> {
    const exports: string[] = [];
    const downloads: DownloadLink[] = [];
    for (const subject of request.subjects) {
      const started = await this.exports.start({ ...subject, organizationId: request.organizationId }, null);
      exports.push(started.export.id);
      downloads.push({
        url: `${this.settings.appUrl}/api/v1/data-exports/${started.export.id}/download?token=${started.token}`,
        // The link's hours count from when the file is ready: at least this long.
        expiresAt: started.export.expiresAt ?? this.linkExpiry(),
      });
    }
    return { fulfilment: 'export_started', details: { exports, format: request.type }, downloads };
  }

  private linkExpiry(): Date {
    return new Date(this.clock.now().getTime() + this.settings.dataExportLinkHours * 3_600_000);
  }

  /** Objection and withdrawal take effect at once: the ledger gets an entry per marketing purpose. */
  async atMatch(caller: Caller, request: PrivacyRequestEntity): Promise<FulfilmentOutcome | null> {
    if (request.type !== 'objection' && request.type !== 'withdrawal') return null;
    const contacts = request.subjects.filter((subject) => subject.kind === 'contact');
    if (contacts.length === 0) return null;
    const purposes = (await this.purposes.list(caller, false)).filter((purpose) => purpose.marketing);
    const action = request.type === 'objection' ? 'objected' : 'withdrawn';
    for (const contact of contacts) {
      // A purpose already withdrawn or objected to stays so: confirming the match again adds nothing.
      const state = await this.consents.read(caller, contact.id);
      const settled = new Set(
        state.purposes.filter((current) => current.status === action).map((current) => current.purposeKey),
      );
      for (const purpose of purposes.filter((candidate) => !settled.has(candidate.key))) {
        await this.consents.record(caller, contact.id, {
          purposeKey: purpose.key,
          action,
          source: LEDGER_SOURCE[request.channel],
        });
      }
    }
    return {
      fulfilment: 'consent_withdrawn',
      details: { contacts: contacts.map((contact) => contact.id), purposeKeys: purposes.map((p) => p.key), action },
    };
  }
}
