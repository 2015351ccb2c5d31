import { Injectable } from '@nestjs/common';
import type { Transaction } from '../database/transaction.service.js';

/** Writes what a context gives every new organization, in the organization's creating transaction. */
export type OrganizationSetupStep = (organizationId: string, tx: Transaction) => Promise<void>;

/**
 * Contexts that identity must not depend on (consent purposes, say) register here what a new
 * organization starts with; `IdentityService.createOrganization` runs every step inside its
 * transaction, so an organization never exists without them. Steps only write with `tx`.
 */
@Injectable()
export class OrganizationSetupService {
  private readonly steps = new Map<string, OrganizationSetupStep>();

  register(name: string, step: OrganizationSetupStep): void {
    this.steps.set(name, step);
  }

  async run(organizationId: string, tx: Transaction): Promise<void> {
    for (const step of this.steps.values()) await step(organizationId, tx);
  }
}
