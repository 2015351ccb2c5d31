import { Injectable } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service.js';
import { AppError } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import { ContactsService } from '../../crm/clients/contacts.service.js';
import { TransactionService } from '../../database/transaction.service.js';
import type { Caller } from '../../identity/identity.types.js';
import { ConsentLedgerRepository, type NewEntry } from './consent-ledger.repository.js';
import { ConsentPurposesRepository } from './consent-purposes.repository.js';
import type {
  ConsentReceiptDto,
  ContactConsentEntryResponseDto,
  ContactConsentRecordDto,
  ContactConsentStateDto,
  ContactConsentsResponseDto,
} from './contact-consents.dto.js';
import {
  type ConsentAction,
  type ConsentLawfulBasis,
  type ConsentSource,
  type RecordableAction,
  VALID_BASIS_ACTIONS,
} from './contact-consents.types.js';
import type { ConsentPurposeEntity, ConsentPurposeWordingEntity } from './entities/consent-purpose.entity.js';
import type { ContactConsentEntryEntity } from './entities/contact-consent-entry.entity.js';

export interface HistoricEntry {
  purposeKey: string;
  action: RecordableAction;
  lawfulBasis?: ConsentLawfulBasis;
  source: ConsentSource;
  at: Date;
}

export const RECEIPT_FORMAT = 'steward.consent-receipt/1';

const invalid = (field: string, message: string) =>
  new AppError('validation-failed', `${field}: ${message}`, { errors: [{ field, message }] });

export const isValidBasis = (action: ConsentAction | undefined) =>
  action !== undefined && (VALID_BASIS_ACTIONS as readonly ConsentAction[]).includes(action);

/** A contact's ledger: recording grants, withdrawals and objections, the derived state, receipts. */
@Injectable()
export class ContactConsentsService {
  constructor(
    private readonly transactions: TransactionService,
    private readonly ledger: ConsentLedgerRepository,
    private readonly purposes: ConsentPurposesRepository,
    private readonly contacts: ContactsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async record(caller: Caller, contactId: string, input: ContactConsentRecordDto): Promise<ContactConsentsResponseDto> {
    await this.contacts.get(caller, contactId); // 404 unless the caller may see the contact
    const purpose = await this.purposes.findByKey(caller.organizationId, input.purposeKey);
    if (!purpose) throw invalid('purposeKey', `no consent purpose with the key "${input.purposeKey}"`);
    let wording: ConsentPurposeWordingEntity | null = null;
    if (input.action === 'granted') {
      if (purpose.archivedAt) throw invalid('purposeKey', 'the purpose is archived: nothing new can be granted for it');
      const version = input.wordingVersion ?? purpose.currentWordingVersion;
      wording = await this.purposes.findWording(caller.organizationId, purpose.id, version);
      if (!wording) throw invalid('wordingVersion', `the purpose has no wording version ${version}`);
    } else if (input.wordingVersion !== undefined) {
      throw invalid('wordingVersion', 'only a grant names the wording shown');
    } else if (input.lawfulBasis !== undefined) {
      throw invalid('lawfulBasis', 'a withdrawal or objection has no lawful basis');
    }
    const recordedAt = this.clock.now();
    await this.transactions.run(async (tx) => {
      await this.ledger.append(
        [
          {
            organizationId: caller.organizationId,
            contactId,
            purposeId: purpose.id,
            wordingId: wording?.id ?? null,
            action: input.action,
            lawfulBasis: input.action === 'granted' ? (input.lawfulBasis ?? null) : null,
            source: input.source,
            recordedByKind: caller.kind === 'user' ? 'user' : 'api_key',
            recordedById: caller.kind === 'user' ? caller.userId : caller.apiKeyId,
            recordedAt,
            confirmationId: null,
          },
        ],
        tx,
      );
      this.audit.record(tx, {
        organizationId: caller.organizationId,
        action: 'consent.recorded',
        targetType: 'contact',
        targetId: contactId,
        details: {
          purposeKey: purpose.key,
          consentAction: input.action,
          source: input.source,
          ...(wording ? { wordingVersion: wording.version, lawfulBasis: input.lawfulBasis } : {}),
        },
      });
    });
    return this.read(caller, contactId);
  }

  /**
   * Appends entries recorded elsewhere earlier (another system, the demo organization's
   * history) with their original times, in order. Same checks as `record`, one audit entry.
   */
  async importHistory(caller: Caller, contactId: string, entries: HistoricEntry[]): Promise<void> {
    await this.contacts.get(caller, contactId);
    const values: NewEntry[] = [];
    for (const entry of entries) {
      const purpose = await this.purposes.findByKey(caller.organizationId, entry.purposeKey);
      if (!purpose) throw invalid('purposeKey', `no consent purpose with the key "${entry.purposeKey}"`);
      const wording =
        entry.action === 'granted'
          ? await this.purposes.findWording(caller.organizationId, purpose.id, purpose.currentWordingVersion)
          : null;
      values.push({
        organizationId: caller.organizationId,
        contactId,
        purposeId: purpose.id,
        wordingId: wording?.id ?? null,
        action: entry.action,
        lawfulBasis: entry.action === 'granted' ? (entry.lawfulBasis ?? 'consent') : null,
        source: entry.source,
        recordedByKind: caller.kind === 'user' ? 'user' : 'api_key',
        recordedById: caller.kind === 'user' ? caller.userId : caller.apiKeyId,
        recordedAt: entry.at,
        confirmationId: null,
      });
    }
    await this.transactions.run(async (tx) => {
      await this.ledger.append(values, tx);
      this.audit.record(tx, {
        organizationId: caller.organizationId,
        action: 'consent.recorded',
        targetType: 'contact',
        targetId: contactId,
        details: { imported: values.length, purposeKeys: [...new Set(entries.map((entry) => entry.purposeKey))] },
      });
    });
  }

  /** Whether the organization has recorded anything yet (the demo seed adds history only once). */
  async hasEntries(organizationId: string): Promise<boolean> {
    return this.ledger.anyIn(organizationId);
  }

  async read(caller: Caller, contactId: string): Promise<ContactConsentsResponseDto> {
    await this.contacts.get(caller, contactId);
    const { purposes, history } = await this.ledgerOf(caller.organizationId, contactId);
    return { contactId, purposes, history: history.map(({ wordingText, ...entry }) => entry) };
  }

  /** The receipt: the whole ledger with the exact words shown, as a stable JSON document. */
  async receipt(caller: Caller, contactId: string): Promise<ConsentReceiptDto> {
    await this.contacts.get(caller, contactId);
    const { purposes, history } = await this.ledgerOf(caller.organizationId, contactId);
    await this.audit.recordNow({
      organizationId: caller.organizationId,
      action: 'personal_data.exported',
      targetType: 'contact',
      targetId: contactId,
      details: { format: 'consent-receipt' },
    });
    return {
      format: RECEIPT_FORMAT,
      organizationId: caller.organizationId,
      contactId,
      generatedAt: this.clock.now(),
      purposes,
      entries: history,
    };
  }

  /** State per purpose (every active purpose, and archived ones the contact has entries for) and history. */
  async ledgerOf(organizationId: string, contactId: string) {
    const [entries, latest, purposes] = await Promise.all([
      this.ledger.history(organizationId, contactId),
      this.ledger.latestPerPurpose(organizationId, contactId),
      this.purposes.list(organizationId, true),
    ]);
    const wordings = new Map(
      (
        await this.purposes.findWordingsByIds(organizationId, [
          ...new Set(entries.flatMap((entry) => (entry.wordingId ? [entry.wordingId] : []))),
        ])
      ).map((wording) => [wording.id, wording]),
    );
    const byId = new Map(purposes.map((purpose) => [purpose.id, purpose]));
    const history = entries.map((entry) => toEntry(entry, byId, wordings));
    const entryById = new Map(entries.map((entry) => [entry.id, entry]));
    const states: ContactConsentStateDto[] = purposes
      .filter((purpose) => !purpose.archivedAt || latest.has(purpose.id))
      .map((purpose) => {
        const last = latest.get(purpose.id);
        const entry = last ? entryById.get(last.entryId) : undefined;
        return {
          purposeKey: purpose.key,
          purposeName: purpose.name,
          channel: purpose.channel,
          marketing: purpose.marketing,
          status: last?.action ?? 'none',
          validBasis: isValidBasis(last?.action),
          lawfulBasis: isValidBasis(last?.action) ? (entry?.lawfulBasis ?? null) : null,
          since: entry?.recordedAt ?? null,
          archived: purpose.archivedAt !== null,
        };
      });
    return { purposes: states, history };
  }
}

function toEntry(
  entry: ContactConsentEntryEntity,
  purposes: Map<string, ConsentPurposeEntity>,
  wordings: Map<string, ConsentPurposeWordingEntity>,
): ContactConsentEntryResponseDto & { wordingText: string | null } {
  const purpose = purposes.get(entry.purposeId);
  const wording = entry.wordingId ? wordings.get(entry.wordingId) : undefined;
  return {
    id: entry.id,
    purposeKey: purpose?.key ?? '',
    purposeName: purpose?.name ?? '',
    action: entry.action,
    lawfulBasis: entry.lawfulBasis,
    source: entry.source,
    wordingVersion: wording?.version ?? null,
    wordingText: wording?.text ?? null,
    recordedAt: entry.recordedAt,
    recordedBy: { kind: entry.recordedByKind, id: entry.recordedById },
  };
}
