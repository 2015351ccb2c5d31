import type { Invoice, InvoiceLine } from '../../../api/use-invoices';
import type { TaxRate } from '../../../api/use-tax-policies';
import { i18n } from '../../../i18n/i18n';
import { minorToDecimal, parseMoney, parseQuantity } from '../money';

/** An invoice draft as the editor holds it: the text people type, turned into API lines only when valid. */
export interface Row {
  key: number;
  description: string;
  quantity: string;
  unitPrice: string;
  taxCode: string | null;
}

export interface Draft {
  clientId: string | null;
  currency: string;
  issueDate: string;
  dueDate: string;
  rows: Row[];
}

let nextKey = 1;
export const newRow = (taxCode: string | null = null): Row => ({
  key: nextKey++,
  description: '',
  quantity: '1',
  unitPrice: '',
  taxCode,
});

export function draftOf(invoice: Invoice | null, clientId: string | null): Draft {
  return {
    clientId: invoice?.clientId ?? clientId,
    currency: invoice?.currency ?? 'GBP',
    issueDate: invoice?.issueDate ?? '',
    dueDate: invoice?.dueDate ?? '',
    rows: invoice?.lines.length
      ? invoice.lines.map((line) => ({
          key: nextKey++,
          description: line.description,
          quantity: String(line.quantity),
          unitPrice: minorToDecimal(line.unitPriceMinor, invoice.currency),
          taxCode: line.taxCode,
        }))
      : [newRow()],
  };
}

/** What the person typed, without React keys: to tell whether anything changed since the save. */
export const canonical = (draft: Draft) =>
  JSON.stringify({ ...draft, rows: draft.rows.map(({ key: _key, ...row }) => row) });

/** The API names line fields `lines.0.description` or `lines[0].taxCode`: one spelling here. */
export const normalField = (field: string) => field.replace(/\[(\d+)\]/g, '.$1');

interface ParsedRow {
  line: InvoiceLine | null;
  errors: Partial<Record<'description' | 'quantity' | 'unitPrice' | 'taxCode', string>>;
}

export function parseRow(row: Row, currency: string, rates: TaxRate[] | null): ParsedRow {
  const errors: ParsedRow['errors'] = {};
  const quantity = parseQuantity(row.quantity);
  const price = parseMoney(row.unitPrice, currency);
  if (!row.description.trim()) errors.description = i18n.t('invoiceEditor.describeLine');
  if (!quantity.ok) errors.quantity = quantity.error;
  if (!price.ok) errors.unitPrice = price.error;
  if (!row.taxCode) errors.taxCode = i18n.t('invoiceEditor.chooseRate');
  else if (rates && !rates.some((rate) => rate.code === row.taxCode)) {
    errors.taxCode = `${row.taxCode} is not a rate of the policy in effect`;
  }
  const line =
    quantity.ok && price.ok && row.taxCode
      ? {
          description: row.description.trim(),
          quantity: quantity.value,
          unitPriceMinor: price.value,
          taxCode: row.taxCode,
        }
      : null;
  return { line, errors };
}
