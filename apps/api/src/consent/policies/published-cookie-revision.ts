import { Injectable } from '@nestjs/common';
import { CookiePolicyRevision } from './cookie-policy-revision.js';
import { PoliciesService } from './policies.service.js';
import { PolicyDocuments } from './policy-documents.service.js';

/** The published platform policy's cookie revision (it rises when its cookie section changes). */
@Injectable()
export class PublishedCookieRevision extends CookiePolicyRevision {
  constructor(
    private readonly policies: PoliciesService,
    private readonly documents: PolicyDocuments,
  ) {
    super();
  }

  async current(): Promise<number> {
    return (await this.policies.current(this.documents.platform())).cookieRevision;
  }
}
