import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { stringify } from 'csv-stringify';
import { AuditService } from '../../audit/audit.service.js';
import { AppError } from '../../common/app-error.js';
import { safeCell } from '../../common/csv.js';
import { flatten } from '../../common/validation.js';
import { TransactionService } from '../../database/transaction.service.js';
import { IdentityService } from '../../identity/identity.service.js';
import type { Caller } from '../../identity/identity.types.js';
import { crmActor } from '../crm-access.js';
import { RecordCipher } from '../record-cipher.js';
import { ContactCreateDto, type ContactListQueryDto } from './contacts.dto.js';
import { ContactsRepository, type ContactValues } from './contacts.repository.js';
import { ContactsService } from './contacts.service.js';
import { CONTACT_CSV_COLUMNS, parseContactCsv } from './contacts-csv.js';

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

/** Undo the export's formula guard, so an exported file imports back unchanged. */
const unguard = (value: string) => (/^'[=+\-@]/.test(value) ? value.slice(1) : value);

/** CSV import (validated per row, valid rows created together) and CSV export of a filtered list. */
@Injectable()
export class ContactsTransferService {
  constructor(
    private readonly transactions: TransactionService,
    private readonly contacts: ContactsService,
    private readonly repository: ContactsRepository,
    private readonly identity: IdentityService,
    private readonly cipher: RecordCipher,
    private readonly audit: AuditService,
  ) {}

  async importCsv(caller: Caller, csv: string, firstRow: number, dryRun: boolean): Promise<ImportOutcome> {
    const actor = crmActor(caller);
    const { rows, unknownColumns } = parseContactCsv(csv);
    // A branch by name ("Leeds") or by id (as exported).
    const branches = new Map(
      (await this.identity.listBranches(actor.organizationId)).flatMap((branch) => [
        [branch.name.toLowerCase(), branch.id],
        [branch.id, branch.id],
      ]),
    );
    const branchIds = new Set(branches.values());
    const errors: ImportOutcome['errors'] = [];
    const prepared: ContactValues[] = [];
    const seenEmails = new Set<string>();
    for (const [index, raw] of rows.entries()) {
      const row = firstRow + index + 1;
      const fail = (field: string, message: string) => errors.push({ row, field, message });
      const cells = Object.fromEntries(Object.entries(raw).map(([column, value]) => [column, unguard(value)]));
      const branchId = cells.branch ? branches.get(cells.branch.toLowerCase()) : undefined;
      if (cells.branch && !branchId) {
        fail('branch', `no branch named "${cells.branch}"`);
        continue;
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
        fullName: cells.fullName,
        email: cells.email?.toLowerCase(),
        phone: cells.phone,
        jobTitle: cells.jobTitle,
        clientId: cells.clientId,
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
      const problems = flatten(await validate(input, { whitelist: true, forbidNonWhitelisted: true }));
      if (problems.length) {
        for (const problem of problems) fail(problem.field === 'branchId' ? 'branch' : problem.field, problem.message);
        continue;
      }
      if (input.email) {
        if (seenEmails.has(input.email)) {
          fail('email', 'appears twice in this file');
          continue;
        }
        seenEmails.add(input.email);
      }
      const emailIndex = this.cipher.emailIndex(input.email);
      if (emailIndex && (await this.repository.findByEmailIndex(actor.organizationId, emailIndex)).length) {
        fail('email', 'a contact with this email already exists');
        continue;
      }
      try {
        prepared.push(await this.contacts.prepare(actor, input, branchIds));
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        const fields = error.extensions.errors ?? [{ field: 'row', message: error.detail ?? error.message }];
        for (const field of fields) fail(field.field, field.message);
      }
    }
    if (!dryRun && prepared.length) {
      await this.transactions.run(async (tx) => {
        for (const values of prepared) await this.contacts.insertPrepared(actor, values, tx);
      });
    }
    return {
      received: rows.length,
      created: dryRun ? 0 : prepared.length,
      failed: rows.length - prepared.length,
      errors: errors.slice(0, MAX_REPORTED_ERRORS),
      unknownColumns,
    };
  }

  /** The filtered list as CSV, streamed page by page (keyset), formulas neutralised. */
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
    const csv = stringify({
      header: true,
      columns: ['id', ...CONTACT_CSV_COLUMNS, 'ownerId', 'createdAt', 'updatedAt'],
    });
    const pump = async () => {
      let cursor: string | undefined;
      do {
        // Restricted contacts are left out (GDPR Art. 18): an export is processing for others' use.
        const page = await this.contacts.list(caller, { ...query, limit: EXPORT_PAGE, cursor }, { forExport: true });
        for (const contact of page.items) {
          const row = {
            id: contact.id,
            fullName: contact.fullName,
            email: contact.email,
            phone: contact.phone,
            jobTitle: contact.jobTitle,
            clientId: contact.clientId,
            branch: contact.branchId,
            tags: contact.tags,
            ...contact.address,
            notes: contact.notes,
            ownerId: contact.ownerId,
            createdAt: contact.createdAt,
            updatedAt: contact.updatedAt,
          };
          const cells = Object.fromEntries(Object.entries(row).map(([column, value]) => [column, safeCell(value)]));
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
