import { Injectable } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service.js';
import { AppError } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import { type Transaction, TransactionService } from '../../database/transaction.service.js';
import type { Caller } from '../../identity/identity.types.js';
import type {
  ConsentPurposeCreateDto,
  ConsentPurposeDetailResponseDto,
  ConsentPurposeResponseDto,
  ConsentPurposeUpdateDto,
  ConsentWordingResponseDto,
} from './consent-purposes.dto.js';
import { ConsentPurposesRepository } from './consent-purposes.repository.js';
import { DEFAULT_PURPOSES } from './contact-consents.types.js';
import type { ConsentPurposeEntity, ConsentPurposeWordingEntity } from './entities/consent-purpose.entity.js';

const notFound = () => new AppError('not-found', 'No such consent purpose');
const stale = () =>
  new AppError('conflict', 'Someone changed this purpose since you loaded it; reload and apply your change again');

/** The organization's consent purposes: the setting privacy officers and admins keep. */
@Injectable()
export class ConsentPurposesService {
  constructor(
    private readonly transactions: TransactionService,
    private readonly purposes: ConsentPurposesRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** What a new organization starts with (run in its creating transaction). */
  async seedDefaults(organizationId: string, tx: Transaction): Promise<void> {
    for (const { wording, ...values } of DEFAULT_PURPOSES) {
      await this.purposes.insert(organizationId, values, wording, tx);
    }
  }

  async list(caller: Caller, includeArchived: boolean, updatedSince?: Date): Promise<ConsentPurposeResponseDto[]> {
    const purposes = await this.purposes.list(caller.organizationId, includeArchived, updatedSince);
    const wordings = await this.purposes.wordingsOf(
      caller.organizationId,
      purposes.map((purpose) => purpose.id),
    );
    return purposes.map((purpose) => toResponse(purpose, wordings));
  }

  async get(caller: Caller, id: string): Promise<ConsentPurposeDetailResponseDto> {
    const purpose = await this.purposes.find(caller.organizationId, id);
    if (!purpose) throw notFound();
    const wordings = await this.purposes.wordingsOf(caller.organizationId, [id]);
    return { ...toResponse(purpose, wordings), wordings: wordings.map(toWording) };
  }

  async create(caller: Caller, input: ConsentPurposeCreateDto): Promise<ConsentPurposeDetailResponseDto> {
    if (await this.purposes.findByKey(caller.organizationId, input.key)) {
      throw new AppError('conflict', `A purpose with the key "${input.key}" exists already (archived ones too)`, {
        errors: [{ field: 'key', message: 'already used in this organization' }],
      });
    }
    const purpose = await this.transactions.run(async (tx) => {
      const created = await this.purposes.insert(
        caller.organizationId,
        { key: input.key, name: input.name.trim(), channel: input.channel, marketing: input.marketing },
        input.wording.trim(),
        tx,
      );
      this.audit.record(tx, {
        organizationId: caller.organizationId,
        action: 'consent.purpose_created',
        targetType: 'consent_purpose',
        targetId: created.id,
        details: { key: created.key, marketing: created.marketing, channel: created.channel },
      });
      return created;
    });
    return this.get(caller, purpose.id);
  }

  async update(caller: Caller, id: string, patch: ConsentPurposeUpdateDto): Promise<ConsentPurposeDetailResponseDto> {
    const purpose = await this.purposes.find(caller.organizationId, id);
    if (!purpose) throw notFound();
    if (purpose.archivedAt) throw new AppError('conflict', 'An archived purpose cannot change');
    const current = await this.purposes.findWording(caller.organizationId, id, purpose.currentWordingVersion);
    const wording = patch.wording?.trim();
    const newWording = wording && wording !== current?.text ? wording : undefined;
    const values = {
      ...(patch.name ? { name: patch.name.trim() } : {}),
      ...(patch.channel ? { channel: patch.channel } : {}),
      ...(patch.marketing !== undefined ? { marketing: patch.marketing } : {}),
    };
    await this.transactions.run(async (tx) => {
      if (!(await this.purposes.updateIfVersion(caller.organizationId, id, patch.version, values, newWording, tx))) {
        throw stale();
      }
      this.audit.record(tx, {
        organizationId: caller.organizationId,
        action: 'consent.purpose_updated',
        targetType: 'consent_purpose',
        targetId: id,
        details: {
          key: purpose.key,
          fields: [...Object.keys(values), ...(newWording ? ['wording'] : [])],
          ...(newWording ? { wordingVersion: purpose.currentWordingVersion + 1 } : {}),
        },
      });
    });
    return this.get(caller, id);
  }

  /** No new consents for it; its entries and wordings stay (they are proof). */
  async archive(caller: Caller, id: string, version: number): Promise<ConsentPurposeDetailResponseDto> {
    const purpose = await this.purposes.find(caller.organizationId, id);
    if (!purpose) throw notFound();
    if (!purpose.archivedAt) {
      await this.transactions.run(async (tx) => {
        const archivedAt = this.clock.now();
        if (!(await this.purposes.updateIfVersion(caller.organizationId, id, version, { archivedAt }, undefined, tx))) {
          throw stale();
        }
        this.audit.record(tx, {
          organizationId: caller.organizationId,
          action: 'consent.purpose_archived',
          targetType: 'consent_purpose',
          targetId: id,
          details: { key: purpose.key },
        });
      });
    }
    return this.get(caller, id);
  }
}

const toWording = (wording: ConsentPurposeWordingEntity): ConsentWordingResponseDto => ({
  version: wording.version,
  text: wording.text,
  createdAt: wording.createdAt,
});

function toResponse(purpose: ConsentPurposeEntity, wordings: ConsentPurposeWordingEntity[]): ConsentPurposeResponseDto {
  const current = wordings.find(
    (wording) => wording.purposeId === purpose.id && wording.version === purpose.currentWordingVersion,
  );
  return {
    id: purpose.id,
    key: purpose.key,
    name: purpose.name,
    channel: purpose.channel,
    marketing: purpose.marketing,
    wording: current
      ? toWording(current)
      : { version: purpose.currentWordingVersion, text: '', createdAt: purpose.createdAt },
    archivedAt: purpose.archivedAt,
    createdAt: purpose.createdAt,
    updatedAt: purpose.updatedAt,
    version: purpose.version,
  };
}
