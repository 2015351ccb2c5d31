import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import type { AuthenticatedUser } from '../../identity/identity.types.js';
import { CookiePolicyRevision } from '../policies/cookie-policy-revision.js';
import { COOKIE_CATEGORIES, COOKIE_CATEGORY_KEYS, type CookieCategory } from './cookie-categories.js';
import { CookieConsentRepository } from './cookie-consent.repository.js';
import type { CookieConsentEntity } from './entities/cookie-consent.entity.js';
import { ipPrefix } from './ip-prefix.js';

export interface CookieChoice {
  consentId: string;
  categories: string[];
  revision: number;
}

/** Where a choice came from: the address (kept as its network only) and the user, if signed in. */
export interface ChoiceOrigin {
  ip: string | undefined;
  user?: AuthenticatedUser;
}

const REQUIRED = COOKIE_CATEGORIES.filter((category) => category.required).map((category) => category.key);

/**
 * Cookie consent: the categories and the policy revision in force, every choice logged as
 * proof, and the one question other contexts ask ("did this browser consent to X?").
 */
@Injectable()
export class CookieConsentService {
  constructor(
    private readonly entries: CookieConsentRepository,
    private readonly revision: CookiePolicyRevision,
    private readonly clock: Clock,
  ) {}

  async policy() {
    return {
      revision: await this.revision.current(),
      categories: COOKIE_CATEGORIES.map((category) => ({ ...category })),
    };
  }

  currentRevision(): Promise<number> {
    return this.revision.current();
  }

  /** Logs one choice as made, with the server's time and the network it came from. */
  async record(choice: CookieChoice, origin: ChoiceOrigin): Promise<CookieConsentEntity> {
    const categories = this.checkedCategories(choice.categories);
    const current = await this.revision.current();
    if (choice.revision > current) {
      throw invalid('revision', `revision ${choice.revision} is not published yet; the current one is ${current}`);
    }
    return this.entries.append({
      consentId: choice.consentId,
      categories,
      revision: choice.revision,
      recordedAt: this.clock.now(),
      ipPrefix: ipPrefix(origin.ip),
      organizationId: origin.user?.organizationId ?? null,
      userId: origin.user?.userId ?? null,
    });
  }

  /** The signed-in user's latest choice, from any device. */
  latestOf(user: AuthenticatedUser): Promise<CookieConsentEntity | null> {
    return this.entries.latestForUser(user.organizationId, user.userId);
  }

  /**
   * True when the latest choice logged under this consent id accepts `category` for the
   * cookie policy in force: the proof a request must carry before we process what the
   * category covers. A later refusal, or a raised revision not yet answered, ends it.
   */
  async consents(consentId: string, category: CookieCategory): Promise<boolean> {
    const latest = await this.entries.latestForConsentId(consentId);
    if (!latest?.categories.includes(category)) return false;
    return latest.revision === (await this.revision.current());
  }

  /** Known categories only, each once, in the list's order; the required ones present. */
  private checkedCategories(given: string[]): CookieCategory[] {
    const unknown = given.filter((key) => !COOKIE_CATEGORY_KEYS.includes(key as CookieCategory));
    if (unknown.length > 0) {
      throw invalid(
        'categories',
        `Unknown cookie ${unknown.length === 1 ? 'category' : 'categories'} ${unknown.map((key) => `"${key}"`).join(', ')}; the categories are ${COOKIE_CATEGORY_KEYS.join(', ')}`,
      );
    }
    const missing = REQUIRED.filter((key) => !given.includes(key));
    if (missing.length > 0) {
      throw invalid('categories', `${missing.join(', ')} cannot be refused: the service cannot work without it`);
    }
    return COOKIE_CATEGORY_KEYS.filter((key) => given.includes(key));
  }
}

function invalid(field: string, message: string): AppError {
  return new AppError('validation-failed', message, { errors: [{ field, message }] });
}
