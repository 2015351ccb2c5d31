/**
 * The people whose data the product holds (see docs/architecture.md): staff users, and the
 * organization's customers, as contacts or as clients who are individuals.
 */
export type SubjectKind = 'user' | 'contact' | 'client';

export interface DataSubject {
  kind: SubjectKind;
  id: string;
  organizationId: string;
}

export type LawfulBasis =
  | 'contract'
  | 'legal-obligation'
  | 'legitimate-interests'
  | 'consent'
  | 'vital-interests'
  | 'public-task';

/** How long a category is kept, stated once and read by both the policy page and the purge job. */
export interface RetentionRule {
  /** Settings key holding the period, e.g. 'retention.auditDays'. */
  setting: string;
  /** Human wording for the privacy policy page. */
  description: string;
}

export interface FieldDescription {
  name: string;
  description: string;
  encrypted: boolean;
}

export interface DataCategory {
  category: string;
  subjectKinds: SubjectKind[];
  description: string;
  fields: FieldDescription[];
  purposes: string[];
  lawfulBasis: LawfulBasis;
  retention: RetentionRule;
  processors: string[];
  /** Records the law makes us keep (invoices: 7 years): erasure de-identifies them instead. */
  legalHold?: { reason: string; years: number };
}

export type ErasureMode = 'delete' | 'deidentify';

/**
 * One bounded step of erasing a subject from one category, inside a transaction the
 * erasure pipeline opens (and in which it also writes the receipt and the audit entry).
 */
export interface ErasureContext<Tx = unknown> {
  tx: Tx;
  /** The clock's now: de-identification and receipts are stamped with it. */
  now: Date;
  /** Most records this step may touch; the pipeline calls again while `more` is true. */
  limit: number;
}

export interface ErasureStep {
  /** What this step did: the mode given, or `deidentify` where records must be kept. */
  mode: ErasureMode;
  affected: number;
  /** True when records remain for another step. */
  more: boolean;
  retained?: { records: number; reason: string };
}

export interface ErasureReceipt {
  category: string;
  mode: ErasureMode;
  affected: number;
  completedAt: Date;
  /**
   * Records this category keeps despite the request, and why (a security log kept for its
   * retention period under Art. 17(3)(e) GDPR): the person is told, not left to guess.
   */
  retained?: { records: number; reason: string };
}

export type ExportRecord = Record<string, unknown>;

/**
 * What every context that stores personal data implements. From the registry of these,
 * the product derives exports, erasure, restriction, retention purges and the record of
 * processing, so no second list of "where personal data lives" can drift.
 */
export interface PersonalDataProvider<Tx = unknown> {
  readonly category: string;
  /**
   * When this category is erased relative to others (lower first, default 50): records
   * that hang off a subject (invoices, communications) go before the subject's own record,
   * whose deletion would otherwise cascade them away uncounted or unlink them.
   */
  readonly erasureOrder?: number;
  describe(): DataCategory;
  locate(subject: DataSubject): Promise<number>;
  /**
   * For the category that holds a subject's own record (a contact, a client, a user): the
   * organization of the record with this id, or null when there is none. Lets an erasure be
   * re-applied from a subject handle alone (after a restore, see RestoredErasures).
   */
  organizationOf?(kind: SubjectKind, id: string): Promise<string | null>;
  export(subject: DataSubject): AsyncIterable<ExportRecord>;
  /**
   * Erases at most `context.limit` of the subject's records in `context.tx`, honouring
   * `mode` (delete, or de-identify what the law makes us keep). Never destroys the
   * subject's key: the pipeline does that last, once every category is done.
   */
  erase(subject: DataSubject, mode: ErasureMode, context: ErasureContext<Tx>): Promise<ErasureStep>;
  /**
   * Turns restriction of processing (GDPR Art. 18) on or off for the subject's records here.
   * With `tx`, the change is part of that transaction (the restriction service runs every
   * provider, its audit entries and its webhook in one).
   */
  restrict(subject: DataSubject, on: boolean, tx?: Tx): Promise<void>;
}
