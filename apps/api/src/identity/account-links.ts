import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import type { Transaction } from '../database/transaction.service.js';
import type { OneTimeTokenEntity, TokenPurpose } from './entities/one-time-token.entity.js';
import { OneTimeTokensRepository } from './one-time-tokens.repository.js';
import { newSecret, sha256Hex } from './secrets.js';

/** How long each kind of emailed link works. */
export const LINK_LIFETIME_MINUTES: Record<TokenPurpose, number> = {
  'password-reset': 60,
  'email-verification': 48 * 60,
  'email-change': 24 * 60,
  invitation: 7 * 24 * 60,
};

/**
 * The single-use links that go out by email (reset, verification, change of email,
 * invitation). The token exists only in the email; the database holds its hash.
 */
@Injectable()
export class AccountLinks {
  constructor(
    private readonly tokens: OneTimeTokensRepository,
    private readonly clock: Clock,
  ) {}

  /** Mints a link token for the user, retiring earlier unused links of the same purpose. */
  async mint(
    user: { id: string; organizationId: string },
    purpose: TokenPurpose,
    options: { payloadEnc?: Buffer; tx?: Transaction } = {},
  ): Promise<string> {
    const token = newSecret();
    await this.tokens.retireUnused(user.organizationId, user.id, purpose, options.tx);
    await this.tokens.insert(
      {
        organizationId: user.organizationId,
        userId: user.id,
        purpose,
        tokenHash: sha256Hex(token),
        expiresAt: new Date(this.clock.nowMs() + LINK_LIFETIME_MINUTES[purpose] * 60_000),
        payloadEnc: options.payloadEnc ?? null,
      },
      options.tx,
    );
    return token;
  }

  /** The link's row if it still works, without using it up. */
  peek(token: string, purpose: TokenPurpose): Promise<OneTimeTokenEntity | null> {
    return this.tokens.findUsable(sha256Hex(token), purpose);
  }

  /** Uses the link up (atomic); null when it is unknown, used, expired or of another purpose. */
  redeem(token: string, purpose: TokenPurpose, tx?: Transaction): Promise<OneTimeTokenEntity | null> {
    return this.tokens.consume(sha256Hex(token), purpose, tx);
  }
}

export const linkExpired = (what = 'link') => `This ${what} has expired or was already used; ask for a new one`;
