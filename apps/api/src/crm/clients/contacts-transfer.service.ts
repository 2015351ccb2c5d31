import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { stringify } from 'csv-stringify';
import {
  CONTACT_CSV,
  CONTACT_CSV_COLUMNS,
  CONTACT_CSV_LABELS,
  CONTACT_EXPORT_COLUMNS,
  type ContactCsvColumn,
  CsvProblems,
  csvCell,
  csvSentence,
  MAX_IMPORT_ROWS,
  parseCsv,
} from '#csv';
import { AuditService } from '../../audit/audit.service.js';
import { AppError } from '../../common/app-error.js';
import { flatten } from '../../common/validation.js';
import { TransactionService } from '../../database/transaction.service.js';
import { IdentityService } from '../../identity/identity.service.js';
import type { Caller } from '../../identity/identity.types.js';
import { crmActor } from '../crm-access.js';
import { RecordCipher } from '../record-cipher.js';
import { ClientsService } from './clients.service.js';
import { ContactCreateDto, type ContactListQueryDto } from './contacts.dto.js';
import { ContactsRepository, type ContactValues } from './contacts.repository.js';
import { ContactsService } from './contacts.service.js';

export interface ImportOutcome {
  received: number;
  created: number;
  failed: number;
  /** Row numbers count the header as row 1, offset by `firstRow` for chunked uploads. */
  errors: Array<{ row: number; field: string; message: string }>;
  unknownColumns: string[];
}

const MAX_REPORTED_ERRORS = 500;
const EXPORT_PAGE = 500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The CSV column a field of the contact API stands for (`address.city` → `city`). */
const COLUMN_OF_FIELD: Record<string, ContactCsvColumn> = {
  clientId: 'client',
  branchId: 'branch',
  ...Object.fromEntries(
    (['line1', 'line2', 'city', 'region', 'postcode', 'country'] as const).map((part) => [`address.${part}`, part]),
  ),
};

/** A problem the API said of a field of a contact, as a sentence about its CSV column. */
function problemOfField(field: string, message: string): { column: string; sentence: string } {
  const column = COLUMN_OF_FIELD[field] ?? (CONTACT_CSV_COLUMNS.find((name) => name === field) as string | undefined);
  if (!column) return { column: 'row', sentence: csvSentence(message) };
  const property = field.split('.').pop() as string;
  return { column, sentence: csvSentence(message, property, CONTACT_CSV_LABELS[column as ContactCsvColumn]) };
}

/** CSV import (validated per row, valid rows created together) and CSV export of a filtered list. */
@Injectable()
export class ContactsTransferService {
  constructor(
    private readonly transactions: TransactionService,
    private readonly contacts: ContactsService,
    private readonly clients: ClientsService,
    private readonly repository: ContactsRepository,
    private readonly identity: IdentityService,
    private readonly cipher: RecordCipher,
    private readonly audit: AuditService,
  ) {}

  /**
   * Reads the file by the shared CSV rules (libs/csv, the same the browser previews with),
   * then validates each row as a new contact. `firstRow` is the row number of this chunk's
   * header in the whole file, so a chunk's problems name the file's rows.
   */
  async importCsv(caller: Caller, csv: string, firstRow: number, dryRun: boolean): Promise<ImportOutcome> {
    const actor = crmActor(caller);
    const offset = firstRow - 1;
    const file = parseCsv(csv, CONTACT_CSV);
    if (!file.ok) {
      const message = file.error.message.replace(/^Row (\d+)/, (_, row) => `Row ${Number(row) + offset}`);
      throw new AppError('validation-failed', message, { errors: [{ field: 'file', message }] });
    }
    if (file.received > MAX_IMPORT_ROWS) {
      const message = `The file has ${file.received} rows of contacts; one request takes at most ${MAX_IMPORT_ROWS}. Send it in parts, each with the header row, and pass firstRow so row numbers stay right.`;
      throw new AppError('validation-failed', message, { errors: [{ field: 'file', message }] });
    }
    const problems = new CsvProblems(CONTACT_CSV_COLUMNS);
    for (const refused of file.refused) problems.add(refused.row + offset, refused.field, refused.message);
    // A branch by name ("Leeds") or by id (as older exports wrote it).
    const branches = new Map(
      (await this.identity.listBranches(actor.organizationId)).flatMap((branch) => [
        [branch.name.toLowerCase(), branch.id],
        [branch.id, branch.id],
      ]),
    );
    const branchIds = new Set(branches.values());
    const clientsByName = new Map<string, Promise<string[]>>();
    const clientsNamed = (name: string) => {
      const key = name.toLocaleLowerCase();
      if (!clientsByName.has(key)) clientsByName.set(key, this.clients.idsNamed(caller, name));
      return clientsByName.get(key) as Promise<string[]>;
    };
    const prepared: ContactValues[] = [];
    const rowOfEmail = new Map<string, number>();
    for (const { row: fileRow, values: cells } of file.rows) {
      const row = fileRow + offset;
      const before = problems.rows;
      const fail = (column: string, sentence: string) => problems.add(row, column, sentence);
      const branchId = cells.branch ? branches.get(cells.branch.toLowerCase()) : undefined;
      if (cells.branch && !branchId) fail('branch', `There is no branch named "${cells.branch}".`);
      let clientId: string | undefined;
      if (cells.client && UUID.test(cells.client)) clientId = cells.client;
      else if (cells.client) {
        const named = await clientsNamed(cells.client);
        if (named.length === 1) [clientId] = named;
        else if (named.length === 0) fail('client', `There is no client named "${cells.client}" that you can see.`);
        else fail('client', `${named.length} clients are named "${cells.client}": give the client's id instead.`);
      }
      const address = {
        line1: cells.line1,
        line2: cells.line2,
        city: cells.city,
        region: cells.region,
        postcode: cells.postcode,
        country: cells.country?.toUpperCase(),
      };
      const input = plainToInstance(ContactCreateDto, {
        fullName: cells.fullName ?? '',
        email: cells.email?.toLowerCase(),
        phone: cells.phone,
        jobTitle: cells.jobTitle,
        clientId,
        notes: cells.notes,
        branchId,
        tags: cells.tags
          ? cells.tags
              .split(/[;,]/)
              .map((tag) => tag.trim().toLowerCase())
              .filter(Boolean)
          : undefined,
        address: Object.values(address).some(Boolean) ? address : undefined,
      });
      for (const { field, message } of flatten(
        await validate(input, { whitelist: true, forbidNonWhitelisted: true }),
      )) {
        const { column, sentence } = problemOfField(field, message);
        fail(column, sentence);
      }
      if (input.email) {
        const seen = rowOfEmail.get(input.email);
        if (seen !== undefined) fail('email', `The same email address is in row ${seen} already.`);
        else rowOfEmail.set(input.email, row);
      }
      if (problems.rows > before) continue;
      const emailIndex = this.cipher.emailIndex(input.email);
      if (emailIndex && (await this.repository.findByEmailIndex(actor.organizationId, emailIndex)).length) {
        fail('email', 'A contact with this email address exists already.');
        continue;
      }
      try {
        prepared.push(await this.contacts.prepare(actor, input, branchIds));
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        const fields = error.extensions.errors ?? [
          {
            field: error.code === 'not-found' && clientId ? 'clientId' : 'row',
            message: error.detail ?? error.message,
          },
        ];
        for (const { field, message } of fields) {
          const { column, sentence } = problemOfField(field, message);
          fail(column, sentence);
        }
      }
    }
    if (!dryRun && prepared.length) {
      await this.transactions.run(async (tx) => {
        for (const values of prepared) await this.contacts.insertPrepared(actor, values, tx);
      });
    }
    return {
      received: file.received,
      created: dryRun ? 0 : prepared.length,
      failed: file.received - prepared.length,
      errors: problems.list().slice(0, MAX_REPORTED_ERRORS),
      unknownColumns: file.unknownColumns,
    };
  }

  /**
   * The filtered list as CSV, streamed page by page (keyset): a byte-order mark first (so
   * Excel reads UTF-8), names instead of ids for the client, branch and owner, formulas
   * neutralised. The import reads the file back (clients and branches by name).
   */
  async exportCsv(caller: Caller, query: ContactListQueryDto): Promise<NodeJS.ReadableStream> {
    // Bad filters answer a problem before the first byte goes out.
    await this.contacts.filtersFor(crmActor(caller), query);
    await this.audit.recordNow({
      organizationId: caller.organizationId,
      action: 'personal_data.exported',
      targetType: 'contacts',
      // The search text could be a name: only whether there was one is recorded.
      details: { format: 'csv', filter: { ...query, q: query.q ? '(search)' : undefined } },
    });
    const branchNames = new Map(
      (await this.identity.listBranches(caller.organizationId)).map((branch) => [branch.id, branch.name]),
    );
    const csv = stringify({ header: true, bom: true, columns: [...CONTACT_EXPORT_COLUMNS] });
    const pump = async () => {
      let cursor: string | undefined;
      do {
        // Restricted contacts are left out (GDPR Art. 18): an export is processing for others' use.
        const page = await this.contacts.list(caller, { ...query, limit: EXPORT_PAGE, cursor }, { forExport: true });
        const [clientNames, ownerNames] = await Promise.all([
          this.clients.namesOf(
            caller,
            page.items.map((contact) => contact.clientId),
          ),
          this.identity.namesOf(
            caller.organizationId,
            page.items.map((contact) => contact.ownerId),
          ),
        ]);
        for (const contact of page.items) {
          const row: Record<(typeof CONTACT_EXPORT_COLUMNS)[number], unknown> = {
            id: contact.id,
            fullName: contact.fullName,
            email: contact.email,
            phone: contact.phone,
            jobTitle: contact.jobTitle,
            // A client the caller may not see, or one restricted, stays an id: the import reads either.
            client: contact.clientId ? (clientNames.get(contact.clientId) ?? contact.clientId) : null,
            branch: branchNames.get(contact.branchId) ?? contact.branchId,
            tags: contact.tags,
            line1: contact.address?.line1,
            line2: contact.address?.line2,
            city: contact.address?.city,
            region: contact.address?.region,
            postcode: contact.address?.postcode,
            country: contact.address?.country,
            notes: contact.notes,
            owner: contact.ownerId ? (ownerNames.get(contact.ownerId) ?? null) : null,
            createdAt: contact.createdAt,
            updatedAt: contact.updatedAt,
          };
          const cells = Object.fromEntries(Object.entries(row).map(([column, value]) => [column, csvCell(value)]));
          if (!csv.write(cells)) await new Promise((resolve) => csv.once('drain', resolve));
        }
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      csv.end();
    };
    pump().catch((error: Error) => csv.destroy(error));
    return csv;
  }
}
