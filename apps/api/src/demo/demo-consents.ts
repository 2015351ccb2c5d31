import type { HistoricEntry } from '../consent/contacts/contact-consents.service.js';

const DAY = 86_400_000;

/**
 * A believable consent history for the demo contacts (by their position in the list), so
 * the consent panel and the rates chart have something to show: grants spread over two
 * months, some withdrawals and objections since.
 */
export function demoConsentHistory(index: number, now: Date): HistoricEntry[] {
  const ago = (days: number) => new Date(now.getTime() - days * DAY - index * 3_600_000);
  const entries: HistoricEntry[] = [];
  if (index % 4 !== 1) {
    entries.push({ purposeKey: 'marketing-email', action: 'granted', source: 'form', at: ago(55 - index) });
  }
  if (index % 4 === 1)
    entries.push({ purposeKey: 'marketing-email', action: 'objected', source: 'phone', at: ago(25) });
  if (index % 3 === 0) entries.push({ purposeKey: 'marketing-sms', action: 'granted', source: 'phone', at: ago(40) });
  if (index % 2 === 0) {
    entries.push({
      purposeKey: 'profiling',
      action: 'granted',
      lawfulBasis: 'legitimate-interests',
      source: 'in-person',
      at: ago(35),
    });
  }
  if (index % 5 === 2) entries.push({ purposeKey: 'marketing-phone', action: 'granted', source: 'phone', at: ago(18) });
  if (index % 8 === 0)
    entries.push({ purposeKey: 'marketing-email', action: 'withdrawn', source: 'email', at: ago(9) });
  if (index % 6 === 0) entries.push({ purposeKey: 'profiling', action: 'objected', source: 'email', at: ago(4) });
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime());
}
