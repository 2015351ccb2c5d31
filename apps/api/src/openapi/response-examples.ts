import { EXAMPLE_IDS as IDS } from './request-examples.js';

export interface ResponseExample {
  status: string;
  example: unknown;
}

const AT = '2026-12-07T10:15:02.000Z';
const ADDRESS = { line1: '14 Wharf Approach', city: 'Leeds', postcode: 'LS1 4BR', country: 'GB' };

const client = {
  id: IDS.client,
  kind: 'company',
  name: 'Riverside Dental Practice',
  email: 'reception@riverside-dental.test',
  phone: '+44 113 496 0101',
  address: ADDRESS,
  company: { legalName: 'Riverside Dental Practice Ltd', vatNumber: 'GB123456789', industry: 'Healthcare' },
  notes: null,
  tags: ['maintenance-plan'],
  ownerId: IDS.user,
  branchId: IDS.branch,
  lastActivityAt: AT,
  restricted: false,
  createdAt: '2026-11-02T09:00:00.000Z',
  updatedAt: AT,
  version: 3,
};

const contact = {
  id: IDS.contact,
  clientId: IDS.client,
  fullName: 'Helen Okafor',
  email: 'helen@example.test',
  phone: '+44 113 496 0123',
  jobTitle: 'Practice manager',
  address: null,
  notes: null,
  tags: ['decision-maker'],
  ownerId: null,
  branchId: IDS.branch,
  lastActivityAt: AT,
  restricted: false,
  createdAt: '2026-11-02T09:05:00.000Z',
  updatedAt: AT,
  version: 2,
};

const communication = {
  id: IDS.communication,
  clientId: IDS.client,
  contactId: IDS.contact,
  kind: 'call',
  direction: 'inbound',
  occurredAt: AT,
  durationMinutes: 12,
  subject: 'Boiler service booked',
  body: 'Asked for a quote for the annual service.',
  authorId: null,
  authorName: null,
  apiKeyId: IDS.apiKey,
  branchId: IDS.branch,
  createdAt: AT,
  updatedAt: AT,
  version: 1,
};

const job = {
  id: IDS.job,
  number: 1042,
  clientId: IDS.client,
  status: 'scheduled',
  priority: 'normal',
  assignedUserIds: [IDS.user],
  dueOn: '2030-05-31',
  completedAt: null,
  branchId: IDS.branch,
  title: 'Annual boiler service',
  siteAddress: ADDRESS,
  description: 'Gas Safe check and service of the main boiler.',
  createdAt: AT,
  updatedAt: AT,
  version: 2,
};

const invoice = {
  id: IDS.invoice,
  number: 42,
  displayNumber: 'INV-00042',
  status: 'issued',
  clientId: IDS.client,
  jobId: IDS.job,
  branchId: IDS.branch,
  currency: 'GBP',
  issueDate: '2026-04-01',
  dueDate: '2026-05-01',
  taxPolicyId: '5c7e9a1b-3d2f-4e6a-8b0c-9d1e3f5a7b9c',
  pricing: 'exclusive',
  lines: [
    {
      description: 'Boiler service',
      quantity: 1,
      quantityMilli: 1000,
      unitPriceMinor: 8500,
      taxCode: 'STD',
      taxBasisPoints: 2000,
      netMinor: 8500,
      taxMinor: 1700,
      grossMinor: 10200,
    },
    {
      description: 'Replacement valve',
      quantity: 2,
      quantityMilli: 2000,
      unitPriceMinor: 1250,
      taxCode: 'STD',
      taxBasisPoints: 2000,
      netMinor: 2500,
      taxMinor: 500,
      grossMinor: 3000,
    },
  ],
  subtotalMinor: 11000,
  taxMinor: 2200,
  totalMinor: 13200,
  paidMinor: 0,
  balanceMinor: 13200,
  overdue: false,
  billTo: { name: 'Riverside Dental Practice', email: 'reception@riverside-dental.test', address: ADDRESS },
  deidentified: false,
  emailedAt: AT,
  emailDelivery: 'sent',
  createdAt: AT,
  updatedAt: AT,
  version: 2,
};

const apiKey = {
  id: IDS.apiKey,
  name: 'Accounting sync',
  prefix: 'stw_3f9a1c2b7d',
  scopes: ['clients:read', 'invoices:read'],
  createdAt: AT,
  expiresAt: '2027-12-31T23:59:59.000Z',
  lastUsedAt: null,
  lastUsedIp: null,
  revokedAt: null,
  updatedAt: AT,
};

/** What every error looks like (`4XX` of each operation): a refused field. */
export const PROBLEM_EXAMPLE = {
  type: 'urn:steward:problem:validation-failed',
  title: 'The request has invalid fields',
  status: 400,
  detail: 'email must be an email address',
  instance: '/api/v1/contacts',
  code: 'validation-failed',
  requestId: '5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10',
  errors: [{ field: 'email', message: 'email must be an email address' }],
};

/**
 * Answers of the main resources, as Swagger UI shows them. A test checks each against the
 * operation's response schema, so a renamed or added field shows up here too.
 */
export const RESPONSE_EXAMPLES: Record<string, ResponseExample> = {
  signIn: {
    status: '200',
    example: {
      accessToken: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIyZjhkNGI2YSJ9.c2lnbmF0dXJl',
      tokenType: 'Bearer',
      expiresIn: 900,
      user: {
        id: IDS.owner,
        organizationId: '6a4c2e8f-0b1d-4f3a-9c5e-7b9d1f3a5c7e',
        email: 'owner@harbor-pine.test',
        fullName: 'Olivia Owens',
        role: 'owner',
        branchIds: [],
        jobTitle: 'Managing Director',
        preferences: { language: 'en', timeZone: 'Europe/London' },
        mfaEnabled: false,
        mfaEnrolmentRequired: false,
      },
    },
  },
  createApiKey: {
    status: '201',
    example: { apiKey, secret: 'stw_3f9a1c2b7d_M4UlzFoDNr5AXzkFbbeD_HC0nGys_E3ZRYqU2uIC8SY' },
  },
  listClients: {
    status: '200',
    example: { items: [client], nextCursor: 'eyJjIjoiMjAyNi0xMS0wMlQwOTowMDowMC4wMDBaIn0' },
  },
  getClient: { status: '200', example: client },
  createClient: {
    status: '201',
    example: { ...client, lastActivityAt: null, updatedAt: client.createdAt, version: 1 },
  },
  listContacts: { status: '200', example: { items: [contact], nextCursor: null } },
  getContact: { status: '200', example: contact },
  createContact: {
    status: '201',
    example: { ...contact, lastActivityAt: null, updatedAt: contact.createdAt, version: 1 },
  },
  listCommunications: { status: '200', example: { items: [communication], nextCursor: null } },
  createCommunication: { status: '201', example: communication },
  listJobs: { status: '200', example: { items: [job], nextCursor: null } },
  getJob: { status: '200', example: job },
  createJob: { status: '201', example: { ...job, status: 'new', version: 1 } },
  listInvoices: { status: '200', example: { items: [invoice], nextCursor: null } },
  getInvoice: { status: '200', example: invoice },
  createInvoice: {
    status: '201',
    example: { ...invoice, status: 'draft', emailedAt: null, emailDelivery: null, version: 1 },
  },
};
