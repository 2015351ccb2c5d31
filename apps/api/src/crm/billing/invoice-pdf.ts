import PDFDocument from 'pdfkit';
import type { Address } from '../crm.types.js';
import type { InvoiceView } from './invoice-views.js';

/** What an invoice's PDF shows besides the invoice itself. */
export interface InvoicePdfInput {
  invoice: InvoiceView;
  /** The organization that bills (the seller). */
  seller: string;
  /** The PDF's creation date (the application clock). */
  generatedAt: Date;
}

const LOCALE = 'en-GB';
const PAGE = { width: 595.28, height: 841.89, margin: 50 };
const RIGHT = PAGE.width - PAGE.margin;
const BOTTOM = PAGE.height - PAGE.margin - 20;
const GREY = '#555555';

/** The table's columns: description wraps, the numbers are right-aligned. */
const COLUMNS = [
  { key: 'description', title: 'Description', x: PAGE.margin, width: 175, align: 'left' },
  { key: 'quantity', title: 'Qty', x: 230, width: 40, align: 'right' },
  { key: 'unit', title: 'Unit price', x: 275, width: 65, align: 'right' },
  { key: 'rate', title: 'Tax rate', x: 345, width: 45, align: 'right' },
  { key: 'net', title: 'Net', x: 395, width: 50, align: 'right' },
  { key: 'tax', title: 'Tax', x: 450, width: 40, align: 'right' },
  { key: 'gross', title: 'Total', x: 495, width: RIGHT - 495, align: 'right' },
] as const;

/**
 * The standard PDF fonts write Windows-1252 only: what lies outside it loses its accents
 * (NFKD) or becomes "?", rather than garbage. Everything a client or line may hold is text.
 */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const LOOKALIKES: Record<string, string> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', ı: 'i', Ħ: 'H', ħ: 'h', Ŧ: 'T', ŧ: 't' };
const encodable = (char: string) => {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(char);
};
export function toWinAnsi(text: string): string {
  let out = '';
  for (const char of text.replace(/[\t\r\n]+/g, ' ')) {
    if (encodable(char)) out += char;
    else if (LOOKALIKES[char]) out += LOOKALIKES[char];
    else {
      const plain = [...char.normalize('NFKD')].filter((part) => encodable(part)).join('');
      out += plain || '?';
    }
  }
  return out;
}

/** 1250 GBP → "£12.50": exact decimal text, never a float. */
export function formatMinor(minor: number, currency: string): string {
  let format: Intl.NumberFormat;
  try {
    format = new Intl.NumberFormat(LOCALE, { style: 'currency', currency });
  } catch {
    return `${minor} ${currency}`;
  }
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  const text = String(Math.abs(Math.trunc(minor))).padStart(digits + 1, '0');
  const decimal = `${minor < 0 ? '-' : ''}${digits ? `${text.slice(0, -digits)}.${text.slice(-digits)}` : text}`;
  return format.format(decimal as Intl.StringNumericLiteral);
}

/** "2026-04-01" → "1 April 2026". */
export const formatCalendarDate = (value: string | null): string =>
  value
    ? new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
        new Date(`${value}T00:00:00Z`),
      )
    : '—';

const percent = (basisPoints: number) => `${(basisPoints / 100).toFixed(2).replace(/\.?0+$/, '')}%`;

const addressLines = (address: Address | null): string[] =>
  address
    ? [
        address.line1,
        address.line2,
        [address.postcode, address.city].filter(Boolean).join(' '),
        address.region,
        address.country,
      ].filter((line): line is string => Boolean(line))
    : [];

/** The word stamped across a page that is not (or no longer) a payable invoice. */
const STAMPS: Partial<Record<InvoiceView['status'], string>> = { draft: 'DRAFT', void: 'VOID', paid: 'PAID' };

/**
 * An invoice as a PDF (A4), built in memory on request and never stored: it holds the
 * bill-to copy, which is personal data. A draft says DRAFT in its title and across every page.
 */
export function renderInvoicePdf({ invoice, seller, generatedAt }: InvoicePdfInput): Promise<Buffer> {
  const draft = invoice.status === 'draft';
  const document = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    bufferPages: true,
    info: {
      Title: toWinAnsi(`${draft ? 'DRAFT ' : ''}Invoice ${invoice.displayNumber}`),
      Author: toWinAnsi(seller),
      CreationDate: generatedAt,
      ModDate: generatedAt,
    },
  });
  const chunks: Buffer[] = [];
  document.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
  });
  const money = (minor: number) => formatMinor(minor, invoice.currency);
  const text = (value: string) => toWinAnsi(value);

  // Heading: the seller on the left, what this is on the right.
  document.font('Helvetica-Bold').fontSize(16).fillColor('black').text(text(seller), PAGE.margin, PAGE.margin, {
    width: 280,
  });
  document
    .fontSize(20)
    .text(draft ? 'DRAFT INVOICE' : 'INVOICE', 330, PAGE.margin, { width: RIGHT - 330, align: 'right' })
    .font('Helvetica')
    .fontSize(11)
    .text(invoice.displayNumber, { width: RIGHT - 330, align: 'right' });
  if (draft) {
    document
      .fillColor('#b00020')
      .fontSize(9)
      .text('Draft: not a valid invoice until it is issued.', { width: RIGHT - 330, align: 'right' })
      .fillColor('black');
  }

  // Who is billed, and the dates.
  const top = 130;
  document.font('Helvetica-Bold').fontSize(9).fillColor(GREY).text('BILL TO', PAGE.margin, top);
  document.font('Helvetica').fontSize(10).fillColor('black');
  if (invoice.billTo) {
    document.font('Helvetica-Bold').text(text(invoice.billTo.name), { width: 260 }).font('Helvetica');
    for (const line of addressLines(invoice.billTo.address)) document.text(text(line), { width: 260 });
    if (invoice.billTo.email) document.text(text(invoice.billTo.email), { width: 260 });
  } else {
    document.fillColor(GREY).text('The bill-to details were erased at the client’s request.', { width: 260 });
  }
  const afterBillTo = document.y;
  const facts: Array<[string, string]> = [
    ['Invoice number', invoice.displayNumber],
    ['Issue date', formatCalendarDate(invoice.issueDate)],
    ['Due date', formatCalendarDate(invoice.dueDate)],
    ['Currency', invoice.currency],
  ];
  let factY = top;
  for (const [label, value] of facts) {
    document.font('Helvetica').fontSize(9).fillColor(GREY).text(label, 340, factY, { width: 90 });
    document
      .fontSize(10)
      .fillColor('black')
      .text(value, 430, factY, { width: RIGHT - 430, align: 'right' });
    factY += 16;
  }

  // The lines, with the header repeated on every page they run onto.
  let y = Math.max(afterBillTo, factY) + 30;
  const header = () => {
    document.font('Helvetica-Bold').fontSize(9).fillColor(GREY);
    for (const column of COLUMNS)
      document.text(column.title, column.x, y, { width: column.width, align: column.align });
    y += 14;
    document.moveTo(PAGE.margin, y).lineTo(RIGHT, y).strokeColor('#999999').lineWidth(0.5).stroke();
    y += 6;
    document.font('Helvetica').fontSize(9).fillColor('black');
  };
  header();
  for (const line of invoice.lines) {
    const cells: Record<(typeof COLUMNS)[number]['key'], string> = {
      description: text(line.description),
      quantity: String(line.quantity),
      unit: money(line.unitPriceMinor),
      rate: percent(line.taxBasisPoints),
      net: money(line.netMinor),
      tax: money(line.taxMinor),
      gross: money(line.grossMinor),
    };
    const height = Math.max(...COLUMNS.map((column) => document.heightOfString(cells[column.key], column)));
    if (y + height > BOTTOM) {
      document.addPage();
      y = PAGE.margin;
      header();
    }
    for (const column of COLUMNS) {
      document.text(cells[column.key], column.x, y, { width: column.width, align: column.align });
    }
    y += height + 6;
  }

  // Totals, right-aligned under the table.
  const totals: Array<[string, string, boolean]> = [
    ['Subtotal', money(invoice.subtotalMinor), false],
    ['Tax', money(invoice.taxMinor), false],
    ['Total', money(invoice.totalMinor), true],
  ];
  if (!draft) {
    totals.push(['Paid', money(invoice.paidMinor), false]);
    totals.push([invoice.status === 'void' ? 'Balance (void)' : 'Balance due', money(invoice.balanceMinor), true]);
  }
  if (y + totals.length * 16 + 40 > BOTTOM) {
    document.addPage();
    y = PAGE.margin;
  }
  document.moveTo(340, y).lineTo(RIGHT, y).strokeColor('#999999').lineWidth(0.5).stroke();
  y += 8;
  for (const [label, value, strong] of totals) {
    document
      .font(strong ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(10)
      .fillColor('black');
    document.text(label, 340, y, { width: 100 });
    document.text(value, 440, y, { width: RIGHT - 440, align: 'right' });
    y += 16;
  }
  document
    .font('Helvetica')
    .fontSize(9)
    .fillColor(GREY)
    .text(
      invoice.pricing === 'inclusive' ? 'Line prices include tax.' : 'Tax is added to the line prices.',
      PAGE.margin,
      y + 12,
      { width: RIGHT - PAGE.margin },
    );

  // Every page: its number, and the stamp of a draft, void or paid invoice.
  const stamp = STAMPS[invoice.status];
  const range = document.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    document.switchToPage(index);
    // Writing into the bottom margin would otherwise start a new page.
    document.page.margins.bottom = 0;
    if (stamp) {
      document.save().font('Helvetica-Bold').fontSize(110);
      const width = document.widthOfString(stamp);
      document
        .rotate(-35, { origin: [PAGE.width / 2, PAGE.height / 2] })
        .fillColor(stamp === 'PAID' ? '#2e7d32' : '#b00020')
        .fillOpacity(0.12)
        .text(stamp, (PAGE.width - width) / 2, PAGE.height / 2 - 40, { lineBreak: false })
        .restore();
    }
    document
      .font('Helvetica')
      .fontSize(8)
      .fillColor(GREY)
      .fillOpacity(1)
      .text(
        `${invoice.displayNumber} · page ${index - range.start + 1} of ${range.count}`,
        PAGE.margin,
        PAGE.height - PAGE.margin,
        { width: RIGHT - PAGE.margin, align: 'center', lineBreak: false },
      );
  }
  document.end();
  return done;
}
