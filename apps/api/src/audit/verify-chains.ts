import { SystemClock } from '../common/clock.js';
import type { TransactionService } from '../database/transaction.service.js';
import { AuditRepository } from './audit.repository.js';
import { AuditVerifier, type ChainReport } from './audit-verifier.js';

/**
 * Verifies the audit chains in a database, outside the API (`npm run audit:verify`): every
 * organization's, or one. Prints one line per chain and answers whether all are intact.
 */
export async function verifyChains(
  transactions: TransactionService,
  organizationId: string | undefined,
  print: (line: string) => void,
): Promise<{ intact: boolean; reports: ChainReport[] }> {
  const entries = new AuditRepository(transactions);
  const verifier = new AuditVerifier(entries, new SystemClock());
  const chains = organizationId ? [organizationId] : await entries.chains();
  const reports: ChainReport[] = [];
  for (const chain of chains) {
    const report = await verifier.verify(chain);
    reports.push(report);
    print(describe(report));
  }
  if (chains.length === 0) print('No audit entries yet.');
  return { intact: reports.every((report) => report.intact), reports };
}

function describe(report: ChainReport): string {
  const range = report.firstSeq ? `entries ${report.firstSeq}–${report.lastSeq}` : 'no entries';
  const from = report.checkpoint ? `, from the checkpoint after ${report.checkpoint.seq}` : '';
  if (report.intact) {
    return `${report.organizationId}: intact (${report.checkedEntries} checked, ${range}${from}); head ${report.headHash}`;
  }
  const breaks = report.broken.map((link) => `${link.seq} ${link.reason}`).join(', ');
  return `${report.organizationId}: BROKEN at entry ${report.firstBroken?.seq} (${report.firstBroken?.reason}); all breaks: ${breaks}`;
}
