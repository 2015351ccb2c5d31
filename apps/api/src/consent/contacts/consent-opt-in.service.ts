import { createHash, randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service.js';
import { AppError } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import { ContactsService } from '../../crm/clients/contacts.service.js';
import { TransactionService } from '../../database/transaction.service.js';
import { IdentityService } from '../../identity/identity.service.js';
import { ConsentLedgerRepository } from './consent-ledger.repository.js';
import { ConsentMails } from './consent-mails.js';
import type {
  ConsentConfirmResponseDto,
  ConsentOptInRequestDto,
  PublicConsentPurposesResponseDto,
} from './consent-opt-in.dto.js';
import { ConsentPurposesRepository } from './consent-purposes.repository.js';
import { isValidBasis } from './contact-consents.service.js';
import { OPT_IN_LINK_HOURS } from './contact-consents.types.js';
import type { ConsentPurposeEntity, ConsentPurposeWordingEntity } from './entities/consent-purpose.entity.js';

/** At most this many confirmation mails per contact per hour: the form cannot be used to flood an inbox. */
const MAILS_PER_HOUR = 3;

const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');
const invalid = (field: string, message: string) =>
  new AppError('validation-failed', `${field}: ${message}`, { errors: [{ field, message }] });

/**
 * Double opt-in from an organization's public form: `pending` entries and an emailed link;
 * following it records `confirmed` (a valid basis). The answer never tells whether the
 * email was known.
 */
@Injectable()
export class ConsentOptInService {
  private readonly logger = new Logger(ConsentOptInService.name);

  constructor(
    private readonly transactions: TransactionService,
    private readonly ledger: ConsentLedgerRepository,
    private readonly purposes: ConsentPurposesRepository,
    private readonly contacts: ContactsService,
    private readonly identity: IdentityService,
    private readonly mails: ConsentMails,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** What the public form shows: the active purposes with their current wording. */
  async publicPurposes(slug: string): Promise<PublicConsentPurposesResponseDto> {
    const organization = await this.organization(slug);
    const purposes = await this.purposes.list(organization.id, false);
    const wordings = await this.purposes.wordingsOf(
      organization.id,
      purposes.map((purpose) => purpose.id),
    );
    return {
      organizationName: organization.name,
      purposes: purposes.map((purpose) => ({
        key: purpose.key,
        name: purpose.name,
        channel: purpose.channel,
        wordingVersion: purpose.currentWordingVersion,
        wording:
          wordings.find(
            (wording) => wording.purposeId === purpose.id && wording.version === purpose.currentWordingVersion,
          )?.text ?? '',
      })),
    };
  }

  async request(slug: string, input: ConsentOptInRequestDto): Promise<void> {
    const organization = await this.organization(slug);
    const choices = await this.choices(organization.id, input);
    const email = input.email.trim().toLowerCase();
    const [existingId] = await this.contacts.idsByEmail(organization.id, email);
    let contactId = existingId;
    let intake: Awaited<ReturnType<ContactsService['prepareIntake']>> | undefined;
    if (!contactId) {
      // A new person lands in the organization's first branch (contacts always belong to one).
      const [branch] = await this.identity.listBranches(organization.id);
      if (!branch) {
        this.logger.warn('Opt-in for an organization without a branch: nothing recorded');
        return;
      }
      intake = await this.contacts.prepareIntake(organization.id, branch.id, { fullName: input.fullName, email });
      contactId = intake.id;
    }
    const now = this.clock.now();
    let asked = choices;
    if (!intake) {
      // Purposes the person already has a valid basis for are not asked again (a stranger
      // typing their address must not turn a grant into a pending request).
      const latest = await this.ledger.latestPerPurpose(organization.id, contactId);
      asked = choices.filter(({ purpose }) => !isValidBasis(latest.get(purpose.id)?.action));
      const recent = await this.ledger.recentConfirmations(
        organization.id,
        contactId,
        new Date(now.getTime() - 3_600_000),
      );
      if (asked.length === 0 || recent >= MAILS_PER_HOUR) return;
    }
    const token = randomBytes(32).toString('base64url');
    await this.transactions.run(async (tx) => {
      if (intake) await this.contacts.insertIntake(organization.id, intake, tx);
      const link = await this.ledger.insertConfirmation(
        {
          organizationId: organization.id,
          contactId,
          tokenHash: sha256Hex(token),
          expiresAt: new Date(now.getTime() + OPT_IN_LINK_HOURS * 3_600_000),
        },
        tx,
      );
      await this.ledger.append(
        asked.map(({ purpose, wording }) => ({
          organizationId: organization.id,
          contactId,
          purposeId: purpose.id,
          wordingId: wording.id,
          action: 'pending' as const,
          lawfulBasis: 'consent' as const,
          source: 'form' as const,
          recordedByKind: 'subject' as const,
          recordedById: null,
          recordedAt: now,
          confirmationId: link.id,
        })),
        tx,
      );
      this.audit.record(tx, {
        organizationId: organization.id,
        action: 'consent.opt_in_requested',
        actor: { kind: 'anonymous', id: null },
        targetType: 'contact',
        targetId: contactId,
        details: { purposeKeys: asked.map(({ purpose }) => purpose.key) },
      });
    });
    // Sent after the answer is decided, so a slow mail server neither delays nor reveals anything.
    this.mails
      .confirmOptIn(
        email,
        input.fullName.trim(),
        organization.name,
        asked.map(({ purpose, wording }) => ({ name: purpose.name, wording: wording.text })),
        token,
      )
      .catch((error: Error) => this.logger.error(`Opt-in mail failed: ${error.message}`));
  }

  async confirm(token: string): Promise<ConsentConfirmResponseDto> {
    const tokenHash = sha256Hex(token);
    const now = this.clock.now();
    const expired = () =>
      new AppError('not-found', 'This link has expired or was already used; fill in the form again');
    // The purposes' names are read before the transaction: it must not wait on queries outside it.
    const known = await this.ledger.findConfirmation(tokenHash);
    if (!known) throw expired();
    const purposes = await this.purposes.list(known.organizationId, true);
    return this.transactions.run(async (tx) => {
      const link = await this.ledger.consumeConfirmation(tokenHash, now, tx);
      if (!link) throw expired();
      const pending = await this.ledger.pendingOf(link.id, tx);
      await this.ledger.append(
        pending.map((entry) => ({
          organizationId: entry.organizationId,
          contactId: entry.contactId,
          purposeId: entry.purposeId,
          wordingId: entry.wordingId,
          action: 'confirmed' as const,
          lawfulBasis: 'consent' as const,
          source: 'double-opt-in' as const,
          recordedByKind: 'subject' as const,
          recordedById: null,
          recordedAt: now,
          confirmationId: link.id,
        })),
        tx,
      );
      const confirmed = pending.map((entry) => purposes.find((purpose) => purpose.id === entry.purposeId));
      this.audit.record(tx, {
        organizationId: link.organizationId,
        action: 'consent.opt_in_confirmed',
        actor: { kind: 'anonymous', id: null },
        targetType: 'contact',
        targetId: link.contactId,
        details: { purposeKeys: confirmed.map((purpose) => purpose?.key) },
      });
      return { confirmed: confirmed.map((purpose) => purpose?.name ?? '') };
    });
  }

  private async organization(slug: string) {
    const organization = await this.identity.findOrganizationBySlug(slug);
    if (!organization) throw new AppError('not-found', 'No such organization');
    return organization;
  }

  /** Each choice must name an active purpose and a wording version it has. */
  private async choices(
    organizationId: string,
    input: ConsentOptInRequestDto,
  ): Promise<Array<{ purpose: ConsentPurposeEntity; wording: ConsentPurposeWordingEntity }>> {
    const choices: Array<{ purpose: ConsentPurposeEntity; wording: ConsentPurposeWordingEntity }> = [];
    for (const [index, choice] of input.purposes.entries()) {
      const field = `purposes.${index}`;
      const purpose = await this.purposes.findByKey(organizationId, choice.purposeKey);
      if (!purpose || purpose.archivedAt) throw invalid(`${field}.purposeKey`, `no purpose "${choice.purposeKey}"`);
      if (choices.some((known) => known.purpose.id === purpose.id)) {
        throw invalid(`${field}.purposeKey`, `"${choice.purposeKey}" is chosen twice`);
      }
      const wording = await this.purposes.findWording(organizationId, purpose.id, choice.wordingVersion);
      if (!wording)
        throw invalid(`${field}.wordingVersion`, `the purpose has no wording version ${choice.wordingVersion}`);
      choices.push({ purpose, wording });
    }
    return choices;
  }
}
