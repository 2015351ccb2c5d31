import { Injectable } from '@nestjs/common';
import { type DocumentRef, PoliciesService } from '../consent/policies/policies.service.js';
import { PolicyDocuments } from '../consent/policies/policy-documents.service.js';
import { PrivacyProfileService } from '../consent/policies/privacy-profile.service.js';
import { IdentityService } from '../identity/identity.service.js';
import { DEMO_NOTICE_PRIVACY, DEMO_PLATFORM_PRIVACY, type DemoPrivacy } from './demo-privacy-data.js';

/**
 * Publishes the demo's privacy contacts and processors, once each: the platform policy's and
 * the demo organization's notice. The texts themselves are the documents' templates.
 */
@Injectable()
export class DemoPrivacySeedService {
  constructor(
    private readonly documents: PolicyDocuments,
    private readonly profile: PrivacyProfileService,
    private readonly identity: IdentityService,
    private readonly policies: PoliciesService,
  ) {}

  async seed(organizationSlug: string): Promise<void> {
    await this.seedDocument(this.documents.platform(), DEMO_PLATFORM_PRIVACY);
    const organization = await this.identity.findOrganizationBySlug(organizationSlug);
    if (organization)
      await this.seedDocument((await this.documents.bySlug(organization.slug)).ref, DEMO_NOTICE_PRIVACY);
  }

  private async seedDocument(ref: DocumentRef, data: DemoPrivacy): Promise<void> {
    if (await this.profile.contact(ref)) return;
    await this.profile.saveContact(ref, data.contact);
    for (const processor of data.processors) await this.profile.addProcessor(ref, processor);
    // A new version: on the platform policy, demo users are asked to accept it at sign-in.
    await this.policies.publishPending(ref, null, 'Our contact details and processors are published.');
  }
}
