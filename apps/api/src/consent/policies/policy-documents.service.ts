import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/app-error.js';
import { AppSettings } from '../../config/settings.module.js';
import { IdentityService } from '../../identity/identity.service.js';
import type { Caller } from '../../identity/identity.types.js';
import { POLICY_DOCUMENTS, type PolicyDocument } from './entities/policy-version.entity.js';
import type { DocumentRef } from './policies.service.js';
import { PolicyFactsService } from './policy-facts.js';

export interface PublicDocument {
  ref: DocumentRef;
  organization: { name: string; slug: string } | null;
}

/** `platform` or `notice` from a path, or a 404 that says which exist. */
export function documentOf(value: string): PolicyDocument {
  if ((POLICY_DOCUMENTS as readonly string[]).includes(value)) return value as PolicyDocument;
  throw new AppError('not-found', `No document "${value}"; use platform or notice`);
}

/**
 * Resolves which document a request means and whose facts it states. The platform policy is
 * edited only by the privacy staff of the operator organization (OPERATOR_ORGANIZATION); an
 * organization's notice by its own.
 */
@Injectable()
export class PolicyDocuments {
  constructor(
    private readonly facts: PolicyFactsService,
    private readonly identity: IdentityService,
    private readonly settings: AppSettings,
  ) {}

  platform(): DocumentRef {
    return { document: 'platform', organizationId: null, facts: () => this.facts.forPlatform() };
  }

  async bySlug(slug: string): Promise<PublicDocument> {
    const organization = await this.identity.findOrganizationBySlug(slug);
    if (!organization) throw new AppError('not-found', `No organization publishes a privacy notice at "${slug}"`);
    return {
      ref: {
        document: 'notice',
        organizationId: organization.id,
        facts: () => this.facts.forOrganization(organization),
      },
      organization: { name: organization.name, slug: organization.slug },
    };
  }

  /** The document a member of staff edits: their organization's notice, or the platform policy for the operator. */
  async forEditor(document: PolicyDocument, caller: Caller): Promise<DocumentRef> {
    const organization = await this.identity.findOrganization(caller.organizationId);
    if (!organization) throw new AppError('not-found', 'Your organization no longer exists');
    if (document === 'notice') {
      return { document, organizationId: organization.id, facts: () => this.facts.forOrganization(organization) };
    }
    if (
      !this.settings.privacy.operatorOrganization ||
      organization.slug !== this.settings.privacy.operatorOrganization
    ) {
      throw new AppError('forbidden', "Only the operator organization's privacy staff edit the platform policy");
    }
    return this.platform();
  }
}
