import { Injectable } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service.js';
import { AppError } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import { type Transaction, TransactionService } from '../../database/transaction.service.js';
import { hashOf } from './canonical-hash.js';
import type { PolicyDocument, PolicyVersionEntity } from './entities/policy-version.entity.js';
import { PoliciesRepository } from './policies.repository.js';

export type { ContactValues, ProcessorValues } from './policies.repository.js';

import { PolicyAcceptanceService } from './policy-acceptance.service.js';
import type { PolicyFacts } from './policy-facts.types.js';
import { diffSections, type RenderedSection, renderSections, type SectionChange } from './policy-render.js';
import { missingFactBlocks, type PolicySection, repeatedFactBlocks } from './policy-sections.js';
import { TEMPLATES } from './policy-templates.js';

/** Which document, and whose: the platform's policy has no organization. */
export interface DocumentRef {
  document: PolicyDocument;
  organizationId: string | null;
  /** Gathers the live facts of this document. */
  facts: () => Promise<PolicyFacts>;
}

export interface PolicyView {
  number: number;
  status: PolicyVersionEntity['status'];
  effectiveDate: string | null;
  lastUpdated: Date;
  changeNote: string | null;
  cookieRevision: number;
  facts: PolicyFacts;
  sections: RenderedSection[];
  /** The live facts differ from those this version was published with: a draft holds the new ones. */
  factsChangedSincePublication: boolean;
}

export interface DraftView extends PolicyView {
  draftVersion: number;
  /** What publishing this draft changes, section by section and sentence by sentence. */
  changes: SectionChange[];
}

const cookieLines = (sections: RenderedSection[]) => sections.filter((section) => section.facts === 'cookies');

/**
 * Versions of the policy documents: one published at a time, one draft being prepared.
 * The published text is rendered with live facts, so a changed setting changes the page at
 * once, and `reconcile` puts the changed facts into a draft whose diff shows the sentence
 * that changed; publishing it is what asks users to accept again.
 */
@Injectable()
export class PoliciesService {
  constructor(
    private readonly policies: PoliciesRepository,
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly acceptance: PolicyAcceptanceService,
  ) {}

  /** The published version with live facts; the document's first version is made from its template. */
  async current(ref: DocumentRef): Promise<PolicyView> {
    const facts = await ref.facts();
    const published = await this.ensurePublished(ref, facts);
    return this.view(published, facts);
  }

  async history(ref: DocumentRef): Promise<PolicyVersionEntity[]> {
    await this.ensurePublished(ref, await ref.facts());
    return this.policies.listPublished(ref.document, ref.organizationId);
  }

  /** A published (or retired) version as it was published, with the facts it stated then. */
  async version(ref: DocumentRef, number: number): Promise<PolicyView> {
    const found = await this.policies.findPublishedNumber(ref.document, ref.organizationId, number);
    if (!found) throw new AppError('not-found', `Version ${number} of this document was never published`);
    return this.view(found, found.facts);
  }

  /**
   * When the live facts differ from the published version's, makes sure a draft carries
   * them (creating one from the published prose, or refreshing the open draft's facts).
   * Returns the draft, or null when nothing needs publishing.
   */
  async reconcile(ref: DocumentRef): Promise<PolicyVersionEntity | null> {
    const facts = await ref.facts();
    const published = await this.ensurePublished(ref, facts);
    const factsHash = hashOf(facts);
    const draft = await this.policies.findByStatus(ref.document, ref.organizationId, 'draft');
    if (draft) {
      if (draft.factsHash === factsHash) return draft;
      return this.transactions.run(async (tx) => {
        await this.policies.updateDraft(draft.id, draft.version, this.contentOf(draft.sections, facts), tx);
        return this.policies.findByStatus(ref.document, ref.organizationId, 'draft', tx);
      });
    }
    if (published.factsHash === factsHash) return null;
    return this.createDraft(ref, published.sections, facts);
  }

  async draft(ref: DocumentRef): Promise<DraftView | null> {
    const draft = await this.reconcile(ref);
    return draft ? this.draftView(ref, draft) : null;
  }

  /** Opens a draft from the published text (or returns the open one). */
  async startDraft(ref: DocumentRef): Promise<DraftView> {
    const existing = await this.reconcile(ref);
    if (existing) return this.draftView(ref, existing);
    const facts = await ref.facts();
    const published = await this.ensurePublished(ref, facts);
    return this.draftView(ref, await this.createDraft(ref, published.sections, facts));
  }

  async saveDraft(ref: DocumentRef, expectedVersion: number, sections: PolicySection[]): Promise<DraftView> {
    assertComplete(sections);
    const facts = await ref.facts();
    const draft = await this.policies.findByStatus(ref.document, ref.organizationId, 'draft');
    if (!draft) throw new AppError('not-found', 'There is no draft; start one first');
    const saved = await this.transactions.run(async (tx) => {
      const updated = await this.policies.updateDraft(draft.id, expectedVersion, this.contentOf(sections, facts), tx);
      if (!updated) throw new AppError('conflict', 'The draft was changed by someone else; reload it and try again');
      this.audit.record(tx, this.event(ref, 'privacy.policy.draft_saved', draft.id, { number: draft.number }));
      return this.policies.findByStatus(ref.document, ref.organizationId, 'draft', tx);
    });
    return this.draftView(ref, saved as PolicyVersionEntity);
  }

  async discardDraft(ref: DocumentRef): Promise<void> {
    const draft = await this.policies.findByStatus(ref.document, ref.organizationId, 'draft');
    if (!draft) throw new AppError('not-found', 'There is no draft to discard');
    await this.transactions.run((tx) => this.policies.deleteDraft(draft.id, tx));
  }

  /** Publishes the draft with the facts as they are now; the version before is retired. */
  async publish(
    ref: DocumentRef,
    expectedVersion: number,
    publisher: string | null,
    changeNote: string,
  ): Promise<PolicyView> {
    const facts = await ref.facts();
    const published = await this.ensurePublished(ref, facts);
    const now = this.clock.now();
    const result = await this.transactions.run(async (tx) => {
      const draft = await this.policies.findByStatus(ref.document, ref.organizationId, 'draft', tx);
      if (!draft) throw new AppError('not-found', 'There is no draft to publish');
      if (draft.version !== expectedVersion) {
        throw new AppError('conflict', 'The draft was changed since you read it; review it again before publishing');
      }
      const content = this.contentOf(draft.sections, facts);
      if (content.contentHash === published.contentHash) {
        throw new AppError(
          'conflict',
          'This draft says exactly what the published version says; change something first',
        );
      }
      const before = renderSections(published.sections, published.facts);
      const after = renderSections(draft.sections, facts);
      const cookiesChanged = diffSections(cookieLines(before), cookieLines(after)).length > 0;
      await this.policies.updateDraft(
        draft.id,
        draft.version,
        { ...content, cookieRevision: published.cookieRevision + (cookiesChanged ? 1 : 0) },
        tx,
      );
      const done = await this.policies.publish(
        draft,
        { publishedAt: now, publishedBy: publisher, effectiveDate: now.toISOString().slice(0, 10), changeNote },
        tx,
      );
      this.audit.record(
        tx,
        this.event(ref, 'privacy.policy.published', done.id, { number: done.number, cookiesChanged }),
      );
      return done;
    });
    if (ref.document === 'platform') this.acceptance.forgetCurrent();
    return this.view(result, facts);
  }

  /** Publishes the draft that changed facts produced, if any (the demo's first start does). */
  async publishPending(ref: DocumentRef, publisher: string | null, changeNote: string): Promise<PolicyView | null> {
    const draft = await this.reconcile(ref);
    return draft ? this.publish(ref, draft.version, publisher, changeNote) : null;
  }

  private async draftView(ref: DocumentRef, draft: PolicyVersionEntity): Promise<DraftView> {
    const facts = await ref.facts();
    const published = await this.ensurePublished(ref, facts);
    const view = this.view(draft, facts);
    return {
      ...view,
      draftVersion: draft.version,
      changes: diffSections(renderSections(published.sections, published.facts), view.sections),
    };
  }

  private view(version: PolicyVersionEntity, facts: PolicyFacts): PolicyView {
    return {
      number: version.number,
      status: version.status,
      effectiveDate: version.effectiveDate,
      lastUpdated: version.publishedAt ?? version.updatedAt,
      changeNote: version.changeNote,
      cookieRevision: version.cookieRevision,
      facts,
      sections: renderSections(version.sections, facts),
      factsChangedSincePublication: version.status === 'published' && version.factsHash !== hashOf(facts),
    };
  }

  private contentOf(sections: PolicySection[], facts: PolicyFacts) {
    return { sections, facts, factsHash: hashOf(facts), contentHash: hashOf({ sections, facts }) };
  }

  private async createDraft(
    ref: DocumentRef,
    sections: PolicySection[],
    facts: PolicyFacts,
  ): Promise<PolicyVersionEntity> {
    const published = await this.ensurePublished(ref, facts);
    const draft = await this.transactions.run(async (tx) => {
      const number = await this.policies.nextNumber(ref.document, ref.organizationId, tx);
      return this.policies.insertVersion(
        {
          organizationId: ref.organizationId,
          document: ref.document,
          number,
          status: 'draft',
          cookieRevision: published.cookieRevision,
          ...this.contentOf(sections, facts),
        },
        tx,
      );
    });
    // Another request opened the draft at the same moment: theirs is the draft.
    return (
      draft ?? ((await this.policies.findByStatus(ref.document, ref.organizationId, 'draft')) as PolicyVersionEntity)
    );
  }

  /** The published version; the first is made from the document's template when there is none. */
  private async ensurePublished(ref: DocumentRef, facts: PolicyFacts): Promise<PolicyVersionEntity> {
    const published = await this.policies.findByStatus(ref.document, ref.organizationId, 'published');
    if (published) return published;
    const now = this.clock.now();
    await this.transactions.run(async (tx: Transaction) => {
      const first = await this.policies.insertVersion(
        {
          organizationId: ref.organizationId,
          document: ref.document,
          number: 1,
          status: 'published',
          cookieRevision: 1,
          ...this.contentOf(TEMPLATES[ref.document], facts),
        },
        tx,
      );
      if (first) {
        await this.policies.publish(
          first,
          { publishedAt: now, publishedBy: null, effectiveDate: now.toISOString().slice(0, 10), changeNote: null },
          tx,
        );
      }
    });
    return (await this.policies.findByStatus(ref.document, ref.organizationId, 'published')) as PolicyVersionEntity;
  }

  private event(
    ref: DocumentRef,
    action: 'privacy.policy.draft_saved' | 'privacy.policy.published',
    id: string,
    details: Record<string, unknown>,
  ) {
    return {
      organizationId: ref.organizationId,
      action,
      targetType: `policy.${ref.document}`,
      targetId: id,
      details,
    };
  }
}

function assertComplete(sections: PolicySection[]): void {
  const missing = missingFactBlocks(sections);
  const repeated = repeatedFactBlocks(sections);
  const keys = sections.map((section) => section.key);
  const errors = [
    ...missing.map((block) => ({
      field: 'sections',
      message: `The policy must state the "${block}" facts in one of its sections`,
    })),
    ...repeated.map((block) => ({
      field: 'sections',
      message: `The "${block}" facts appear in more than one section`,
    })),
    ...(new Set(keys).size !== keys.length ? [{ field: 'sections', message: 'Each section needs its own key' }] : []),
  ];
  if (errors.length > 0) throw new AppError('validation-failed', errors.map((e) => e.message).join('; '), { errors });
}
