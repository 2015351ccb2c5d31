import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { AuditRepository, type StoredLink } from './audit.repository.js';
import { chainHash, GENESIS_HASH } from './audit-chain.js';

export type BreakReason =
  /** The entry's content no longer matches its hash: it was altered. */
  | 'altered'
  /** The entry does not chain from the one before: entries were removed, added or reordered. */
  | 'unlinked'
  /** A sequence number is missing: entries were removed. */
  | 'missing-entries'
  /** The chain ends before its recorded head: the newest entries were removed. */
  | 'truncated';

export interface BrokenLink {
  seq: string;
  reason: BreakReason;
}

export interface ChainReport {
  organizationId: string;
  intact: boolean;
  checkedEntries: number;
  firstSeq: string | null;
  lastSeq: string | null;
  /** Where the chain starts when the retention purge removed older entries. */
  checkpoint: { seq: string; purgedBefore: Date; purgedCount: number } | null;
  /** The first break, or null when the chain is intact. */
  firstBroken: BrokenLink | null;
  /** Every break found (at most 100). */
  broken: BrokenLink[];
  /** The hash of the newest entry, hex: note it elsewhere to detect a rewrite of the whole chain. */
  headHash: string | null;
  verifiedAt: Date;
}

const BATCH = 2000;
const MAX_REPORTED = 100;

/**
 * Walks an organization's chain from its checkpoint (or the start) to its head,
 * recomputing every hash. Each entry is checked against its own stored hash and its link
 * to the previous stored hash, so one altered entry is reported as exactly that entry.
 */
@Injectable()
export class AuditVerifier {
  constructor(
    private readonly entries: AuditRepository,
    private readonly clock: Clock,
  ) {}

  async verify(organizationId: string): Promise<ChainReport> {
    const checkpoint = await this.entries.latestCheckpoint(organizationId);
    const head = await this.entries.head(organizationId);
    const broken: BrokenLink[] = [];
    const flag = (seq: string, reason: BreakReason) => {
      if (broken.length < MAX_REPORTED) broken.push({ seq, reason });
    };
    let previousHash = checkpoint?.hash ?? GENESIS_HASH;
    let previousSeq = BigInt(checkpoint?.seq ?? '0');
    let firstSeq: string | null = null;
    let checked = 0;
    for (let batch = await this.batchAfter(organizationId, previousSeq); batch.length > 0; ) {
      for (const link of batch) {
        firstSeq ??= link.seq;
        const seq = BigInt(link.seq);
        if (seq !== previousSeq + 1n) flag(link.seq, 'missing-entries');
        else if (!link.prevHash.equals(previousHash)) flag(link.seq, 'unlinked');
        if (!chainHash(link.prevHash, link).equals(link.hash)) flag(link.seq, 'altered');
        previousHash = link.hash;
        previousSeq = seq;
        checked += 1;
      }
      batch = batch.length < BATCH ? [] : await this.batchAfter(organizationId, previousSeq);
    }
    if (head && BigInt(head.seq) !== previousSeq) flag(head.seq, 'truncated');
    else if (head && !head.hash.equals(previousHash)) flag(head.seq, 'unlinked');
    return {
      organizationId,
      intact: broken.length === 0,
      checkedEntries: checked,
      firstSeq,
      lastSeq: checked > 0 ? previousSeq.toString() : null,
      checkpoint: checkpoint
        ? { seq: checkpoint.seq, purgedBefore: checkpoint.purgedBefore, purgedCount: checkpoint.purgedCount }
        : null,
      firstBroken: broken[0] ?? null,
      broken,
      headHash: head ? head.hash.toString('hex') : null,
      verifiedAt: this.clock.now(),
    };
  }

  private batchAfter(organizationId: string, seq: bigint): Promise<StoredLink[]> {
    return this.entries.links(organizationId, seq.toString(), BATCH);
  }
}
