import { Injectable } from '@nestjs/common';
import { LegalHoldsService } from '../retention/legal-holds.service.js';

/**
 * Whether legal holds keep an organization: a held organization is not purged, however long
 * ago its subscription ended (its purge waits for the hold to be released, then runs on the
 * next night). Any active hold in it counts, on the organization, a subject or a record:
 * purging the organization would take what the hold keeps.
 */
export interface OrganizationHolds {
  isOrganizationHeld(organizationId: string): Promise<boolean>;
}

export const ORGANIZATION_HOLDS = Symbol('ORGANIZATION_HOLDS');

/** The legal-holds context's answer. */
@Injectable()
export class LegalOrganizationHolds implements OrganizationHolds {
  constructor(private readonly holds: LegalHoldsService) {}

  isOrganizationHeld(organizationId: string): Promise<boolean> {
    return this.holds.hasActiveHolds(organizationId);
  }
}
