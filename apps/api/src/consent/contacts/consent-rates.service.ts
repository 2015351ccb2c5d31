import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import type { Caller } from '../../identity/identity.types.js';
import { ConsentLedgerRepository } from './consent-ledger.repository.js';
import { ConsentPurposesRepository } from './consent-purposes.repository.js';
import type { ConsentRatesQueryDto, ConsentRatesResponseDto } from './consent-rates.dto.js';

const DAY_MS = 86_400_000;
/** A chart of more than two years of days is not read by anyone; it only costs. */
const MAX_DAYS = 731;

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** Consent rates by purpose over time, computed in one SQL statement. */
@Injectable()
export class ConsentRatesService {
  constructor(
    private readonly ledger: ConsentLedgerRepository,
    private readonly purposes: ConsentPurposesRepository,
    private readonly clock: Clock,
  ) {}

  async rates(caller: Caller, query: ConsentRatesQueryDto): Promise<ConsentRatesResponseDto> {
    const interval = query.interval ?? 'day';
    const to = query.to ?? isoDay(this.clock.now());
    const toMs = Date.parse(`${to}T00:00:00Z`);
    const from = query.from ?? isoDay(new Date(toMs - 29 * DAY_MS));
    const fromMs = Date.parse(`${from}T00:00:00Z`);
    if (Number.isNaN(toMs)) throw invalid('to', 'to is not a calendar date');
    if (Number.isNaN(fromMs)) throw invalid('from', 'from is not a calendar date');
    if (fromMs > toMs) throw invalid('from', 'from must not be after to');
    if ((toMs - fromMs) / DAY_MS > MAX_DAYS) throw invalid('from', `the range may span at most ${MAX_DAYS} days`);
    const [points, purposes] = await Promise.all([
      this.ledger.rates(caller.organizationId, from, to, interval === 'week' ? 7 : 1),
      this.purposes.list(caller.organizationId, false),
    ]);
    return {
      interval,
      from,
      to,
      purposes: purposes.map((purpose) => ({ key: purpose.key, name: purpose.name, marketing: purpose.marketing })),
      points: points.map((point) => ({
        periodStart: point.day,
        purposeKey: point.purposeKey,
        validContacts: point.valid,
        recordedContacts: point.recorded,
        rate: point.recorded ? Math.round((point.valid / point.recorded) * 1000) / 1000 : null,
      })),
    };
  }
}

const invalid = (field: string, message: string) =>
  new AppError('validation-failed', `${field}: ${message}`, { errors: [{ field, message }] });
