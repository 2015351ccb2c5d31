import type { CsvSchema } from './csv-parse.js';

/**
 * The contact CSV, one definition for the API's import and export and the browser's preview.
 * `client` and `branch` take a name or an id; `tags` are separated by `;`.
 */
export const CONTACT_CSV_COLUMNS = [
  'fullName',
  'email',
  'phone',
  'jobTitle',
  'client',
  'branch',
  'tags',
  'line1',
  'line2',
  'city',
  'region',
  'postcode',
  'country',
  'notes',
] as const;

export type ContactCsvColumn = (typeof CONTACT_CSV_COLUMNS)[number];

export const CONTACT_CSV: CsvSchema = {
  columns: CONTACT_CSV_COLUMNS,
  aliases: {
    name: 'fullName',
    clientId: 'client',
    company: 'client',
    branchId: 'branch',
    mobile: 'phone',
    title: 'jobTitle',
    address: 'line1',
    zip: 'postcode',
    postalCode: 'postcode',
  },
  required: ['fullName'],
  // What the export adds around the importable columns.
  exportOnly: ['id', 'owner', 'createdAt', 'updatedAt'],
};

/** The columns of the contact export: the contact's id first, then the import's columns, then facts it does not read. */
export const CONTACT_EXPORT_COLUMNS = ['id', ...CONTACT_CSV_COLUMNS, 'owner', 'createdAt', 'updatedAt'] as const;

/** How a column is named in a sentence about it. */
export const CONTACT_CSV_LABELS: Record<ContactCsvColumn, string> = {
  fullName: 'Full name',
  email: 'Email',
  phone: 'Phone',
  jobTitle: 'Job title',
  client: 'Client',
  branch: 'Branch',
  tags: 'Tags',
  line1: 'Address line 1',
  line2: 'Address line 2',
  city: 'City',
  region: 'Region',
  postcode: 'Postcode',
  country: 'Country',
  notes: 'Notes',
};

/** The most rows one import request takes; the browser sends bigger files in parts. */
export const MAX_IMPORT_ROWS = 2000;
