/** Personal-data categories of the CRM context; each has a provider (see *.personal-data.ts). */
export const CRM_CLIENTS = 'crm.clients';
export const CRM_CONTACTS = 'crm.contacts';
export const CRM_COMMUNICATIONS = 'crm.communications';
export const CRM_JOBS = 'crm.jobs';
export const CRM_SCHEDULES = 'crm.schedules';
export const CRM_INVOICES = 'crm.invoices';
export const CRM_ACTIVITY = 'crm.activity';

export const CLIENT_KINDS = ['company', 'individual'] as const;
export type ClientKind = (typeof CLIENT_KINDS)[number];

export const COMMUNICATION_KINDS = ['call', 'email', 'meeting', 'note'] as const;
export type CommunicationKind = (typeof COMMUNICATION_KINDS)[number];
export const DIRECTIONS = ['inbound', 'outbound', 'internal'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** new → scheduled → in_progress → completed → invoiced, or cancelled from any open state. */
export const JOB_STATUSES = ['new', 'scheduled', 'in_progress', 'completed', 'invoiced', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
export const JOB_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type JobPriority = (typeof JOB_PRIORITIES)[number];

export const SCHEDULE_KINDS = ['appointment', 'job_visit'] as const;
export type ScheduleKind = (typeof SCHEDULE_KINDS)[number];
export const SCHEDULE_STATUSES = ['planned', 'done', 'cancelled'] as const;
export type ScheduleStatus = (typeof SCHEDULE_STATUSES)[number];

export const PRICING_MODES = ['exclusive', 'inclusive'] as const;
export type PricingMode = (typeof PRICING_MODES)[number];

export const INVOICE_STATUSES = ['draft', 'issued', 'paid', 'void'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];
export const PAYMENT_METHODS = ['bank_transfer', 'card', 'cash', 'cheque', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const CONTACT_LIST_KINDS = ['static', 'saved_filter'] as const;
export type ContactListKind = (typeof CONTACT_LIST_KINDS)[number];

export const ACTIVITY_ACTIONS = ['created', 'updated', 'deleted'] as const;
export type ActivityAction = (typeof ACTIVITY_ACTIONS)[number];
export const ACTOR_KINDS = ['user', 'api_key', 'system'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** A postal address; sealed as one JSON value. */
export interface Address {
  line1?: string;
  line2?: string;
  city?: string;
  region?: string;
  postcode?: string;
  country?: string;
}

/** Company details of a client; sealed as one JSON value. */
export interface CompanyDetails {
  legalName?: string;
  registrationNumber?: string;
  vatNumber?: string;
  website?: string;
  industry?: string;
}
