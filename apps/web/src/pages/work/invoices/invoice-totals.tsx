import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/use-locale';

interface PricedLine {
  taxCode: string;
  taxBasisPoints: number;
  taxMinor: number;
}

interface Totals {
  lines: PricedLine[];
  subtotalMinor: number;
  taxMinor: number;
  totalMinor: number;
}

/** Tax per rate, in the order the rates first appear on the lines. */
export function taxByRate(lines: PricedLine[]) {
  const rates = new Map<string, { code: string; basisPoints: number; taxMinor: number }>();
  for (const line of lines) {
    const key = `${line.taxCode}:${line.taxBasisPoints}`;
    const rate = rates.get(key) ?? { code: line.taxCode, basisPoints: line.taxBasisPoints, taxMinor: 0 };
    rate.taxMinor += line.taxMinor;
    rates.set(key, rate);
  }
  return [...rates.values()];
}

/** Net, the tax of each rate, the total, and for issued invoices what was paid and is owed. */
export function InvoiceTotals({
  totals,
  currency,
  rateNames,
  paidMinor,
  balanceMinor,
  pending,
}: {
  totals: Totals;
  currency: string;
  rateNames?: Map<string, string>;
  paidMinor?: number;
  balanceMinor?: number;
  /** The totals are being recomputed: shown dimmed, marked busy. */
  pending?: boolean;
}) {
  const { t } = useTranslation();
  const { formatMoney, formatNumber } = useFormat();
  const money = (minor: number) => formatMoney(minor, currency);
  return (
    <Table
      aria-label={t('invoiceTotals.table')}
      aria-busy={pending}
      variant="vertical"
      withRowBorders={false}
      w={{ base: '100%', sm: 380 }}
      ml="auto"
      style={{ opacity: pending ? 0.6 : 1 }}
    >
      <Table.Tbody>
        <Table.Tr>
          <Table.Th>{t('invoiceTotals.net')}</Table.Th>
          <Table.Td ta="right">{money(totals.subtotalMinor)}</Table.Td>
        </Table.Tr>
        {taxByRate(totals.lines).map((rate) => (
          <Table.Tr key={`${rate.code}:${rate.basisPoints}`}>
            <Table.Th fw={400}>
              {t('invoiceTotals.tax', {
                name: rateNames?.get(rate.code) ?? rate.code,
                rate: formatNumber(rate.basisPoints / 10_000, { style: 'percent', maximumFractionDigits: 2 }),
              })}
            </Table.Th>
            <Table.Td ta="right">{money(rate.taxMinor)}</Table.Td>
          </Table.Tr>
        ))}
        <Table.Tr style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
          <Table.Th>{t('invoiceTotals.total')}</Table.Th>
          <Table.Td ta="right" fw={700}>
            {money(totals.totalMinor)}
          </Table.Td>
        </Table.Tr>
        {paidMinor !== undefined && (
          <Table.Tr>
            <Table.Th fw={400}>{t('invoiceTotals.paid')}</Table.Th>
            <Table.Td ta="right">{money(paidMinor)}</Table.Td>
          </Table.Tr>
        )}
        {balanceMinor !== undefined && (
          <Table.Tr>
            <Table.Th>{t('invoiceTotals.balance')}</Table.Th>
            <Table.Td ta="right" fw={700}>
              {money(balanceMinor)}
            </Table.Td>
          </Table.Tr>
        )}
      </Table.Tbody>
    </Table>
  );
}
