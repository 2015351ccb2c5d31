import { Column, Entity, Index } from 'typeorm';
import { NotPersonal } from '#personal-data';
import { TenantOwnedEntity } from '../../database/tenant-owned.entity.js';
import { PRICING_MODES, type PricingMode } from '../crm.types.js';

/** A named tax rate of a policy, in basis points (20% = 2000). */
export interface TaxRate {
  code: string;
  name: string;
  basisPoints: number;
}

/**
 * Tax settings for the organization (branchId null) or one branch, valid from a date.
 * An invoice uses the branch's policy effective on its issue date, else the organization's.
 */
@Entity('tax_policies')
@Index('IDX_tax_policies_org_branch_from', ['organizationId', 'branchId', 'effectiveFrom'])
export class TaxPolicyEntity extends TenantOwnedEntity {
  @NotPersonal('branch the policy applies to; null: the whole organization')
  @Column({ name: 'branch_id', type: 'uuid', nullable: true })
  branchId: string | null;

  @NotPersonal('policy label, e.g. "UK VAT 2026"')
  @Column({ type: 'varchar', length: 120 })
  name: string;

  @NotPersonal('whether prices include tax')
  @Column({ type: 'enum', enum: PRICING_MODES, enumName: 'pricing_mode' })
  pricing: PricingMode;

  @NotPersonal('named rates')
  @Column({ type: 'jsonb' })
  rates: TaxRate[];

  @NotPersonal('first day the policy applies')
  @Column({ name: 'effective_from', type: 'date' })
  effectiveFrom: string;

  @NotPersonal('last day the policy applies; null: open-ended')
  @Column({ name: 'effective_to', type: 'date', nullable: true })
  effectiveTo: string | null;
}
