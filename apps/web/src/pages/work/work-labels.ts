import type { JobPriority, JobStatus } from '../../api/use-jobs';
import { translateOr } from '../../i18n/i18n';

/**
 * Label tables whose words are read in the reader's language each time they are read: each
 * `label` (and `explanation`) is a getter through `translateOr('labels.<group>.<code>')`,
 * with the English here for a code the catalogue does not know yet.
 */
function said<Code extends string, Entry extends Record<string, unknown>>(
  group: string,
  table: Record<Code, Entry>,
  fields: ReadonlyArray<keyof Entry & string> = ['label'],
): Record<Code, Entry> {
  const result = {} as Record<Code, Entry>;
  for (const [code, entry] of Object.entries(table) as Array<[Code, Entry]>) {
    const words = { ...entry };
    for (const field of fields) {
      const key = field === 'label' ? `labels.${group}.${code}` : `labels.${group}.${code}_${field}`;
      Object.defineProperty(words, field, { enumerable: true, get: () => translateOr(key, String(entry[field])) });
    }
    result[code] = words;
  }
  return result;
}

/** A table of words by code, each read in the reader's language (see `said`). */
function saidWords<Code extends string>(group: string, table: Record<Code, string>): Record<Code, string> {
  const result = {} as Record<Code, string>;
  for (const [code, words] of Object.entries(table) as Array<[Code, string]>) {
    Object.defineProperty(result, code, { enumerable: true, get: () => translateOr(`labels.${group}.${code}`, words) });
  }
  return result;
}

/** The job workflow as people read it, in board order. */
export const JOB_STATUS_LABELS: Record<JobStatus, { label: string; color: string }> = said('jobStatus', {
  new: { label: 'New', color: 'blue' },
  scheduled: { label: 'Scheduled', color: 'violet' },
  in_progress: { label: 'In progress', color: 'orange' },
  completed: { label: 'Completed', color: 'teal' },
  invoiced: { label: 'Invoiced', color: 'gray' },
  cancelled: { label: 'Cancelled', color: 'red' },
});

/**
 * The API's workflow (apps/api job-workflow.ts), so the SPA offers only the moves it allows;
 * the API still decides and answers 409 otherwise.
 */
export const JOB_TRANSITIONS: Record<JobStatus, JobStatus[]> = {
  new: ['scheduled', 'cancelled'],
  scheduled: ['in_progress', 'cancelled'],
  in_progress: ['completed', 'cancelled'],
  completed: ['invoiced'],
  invoiced: [],
  cancelled: [],
};

/** What the button moving a job into a status says. */
export const MOVE_LABELS: Record<JobStatus, string> = saidWords('jobMove', {
  new: 'Reopen',
  scheduled: 'Mark as scheduled',
  in_progress: 'Start work',
  completed: 'Mark as completed',
  invoiced: 'Mark as invoiced',
  cancelled: 'Cancel job',
});

export const DELETABLE_JOB_STATUSES: JobStatus[] = ['new', 'cancelled'];
export const VISITABLE_JOB_STATUSES: JobStatus[] = ['new', 'scheduled', 'in_progress', 'completed'];

export const JOB_PRIORITY_LABELS: Record<JobPriority, { label: string; color: string }> = said('jobPriority', {
  low: { label: 'Low', color: 'gray' },
  normal: { label: 'Normal', color: 'blue' },
  high: { label: 'High', color: 'orange' },
  urgent: { label: 'Urgent', color: 'red' },
});

export const JOB_PRIORITIES = Object.keys(JOB_PRIORITY_LABELS) as JobPriority[];

export const jobNumber = (number: number) => `#${number}`;

export const INVOICE_STATUS_LABELS: Record<string, { label: string; color: string }> = said('invoiceStatus', {
  draft: { label: 'Draft', color: 'gray' },
  issued: { label: 'Issued', color: 'blue' },
  paid: { label: 'Paid', color: 'teal' },
  void: { label: 'Void', color: 'dark' },
});

export const PAYMENT_METHOD_LABELS: Record<string, string> = saidWords('paymentMethod', {
  bank_transfer: 'Bank transfer',
  card: 'Card',
  cash: 'Cash',
  cheque: 'Cheque',
  other: 'Other',
});

export const PRICING_LABELS: Record<string, { label: string; explanation: string }> = said(
  'pricing',
  {
    exclusive: { label: 'Prices exclude tax', explanation: 'Tax is added on top of the line prices.' },
    inclusive: {
      label: 'Prices include tax',
      explanation: 'Line prices already contain the tax, which is shown within.',
    },
  },
  ['label', 'explanation'],
);

/** Words for the field names an activity entry lists (never their values). */
const FIELD_LABELS: Record<string, string> = {
  assignedUserIds: 'assignees',
  dueOn: 'due date',
  dueDate: 'due date',
  issueDate: 'issue date',
  siteAddress: 'site address',
  startsAt: 'start',
  endsAt: 'end',
  assigneeId: 'assignee',
  effectiveFrom: 'start date',
  effectiveTo: 'end date',
  branchId: 'branch',
  paidMinor: 'amount paid',
  clientId: 'client',
  jobId: 'job',
};

export const fieldLabel = (field: string) =>
  translateOr(`labels.workField.${field}`, FIELD_LABELS[field] ?? field.replace(/([A-Z])/g, ' $1').toLowerCase());
