import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/app-error.js';
import type { TaxPolicyEntity } from '../entities/tax-policy.entity.js';
import {
  AmountTooLargeError,
  computeTotals,
  type InvoiceTotals,
  quantityToMilli,
  unknownTaxCodes,
} from './invoice-totals.js';
import { noPolicyInEffect, TaxPoliciesService } from './tax-policies.service.js';

/** A line as entered (DTO or stored): the quantity as a number, or already in thousandths. */
export interface EnteredLine {
  description: string;
  unitPriceMinor: number;
  taxCode: string;
  quantity?: number;
  quantityMilli?: number;
}

export interface Priced {
  policy: TaxPolicyEntity;
  totals: InvoiceTotals;
}

/**
 * Applies the tax policy in effect to an invoice's lines: the branch's policy on the
 * invoice date, else the organization's. Turns the arithmetic's refusals into field errors.
 */
@Injectable()
export class InvoicePricing {
  constructor(private readonly taxPolicies: TaxPoliciesService) {}

  /** `missing` decides how the absence of a policy answers: 404 for a lookup, 409 for a change that needs one. */
  async price(
    organizationId: string,
    branchId: string,
    date: string,
    lines: EnteredLine[],
    missing: 'not-found' | 'conflict' = 'conflict',
  ): Promise<Priced> {
    const policy = await this.taxPolicies.findEffective(organizationId, branchId, date);
    if (!policy) {
      const notFound = noPolicyInEffect(date, branchId);
      throw missing === 'not-found' ? notFound : new AppError('conflict', notFound.detail);
    }
    const unknown = unknownTaxCodes(lines, policy.rates);
    if (unknown.length > 0) {
      const codes = policy.rates.map((rate) => rate.code).join(', ');
      const errors = unknown.map((index) => ({
        field: `lines[${index}].taxCode`,
        message: `${lines[index].taxCode} is not a rate of the tax policy "${policy.name}" in effect on ${date} (${codes})`,
      }));
      throw new AppError('validation-failed', errors.map((error) => `${error.field}: ${error.message}`).join('; '), {
        errors,
      });
    }
    const entered = lines.map((line) => ({
      description: line.description.trim(),
      quantityMilli: line.quantityMilli ?? (quantityToMilli(line.quantity ?? 0) as number),
      unitPriceMinor: line.unitPriceMinor,
      taxCode: line.taxCode,
    }));
    try {
      return { policy, totals: computeTotals(entered, policy.rates, policy.pricing) };
    } catch (error) {
      if (error instanceof AmountTooLargeError) {
        throw new AppError('validation-failed', 'lines: the amounts of this invoice are too large', {
          errors: [{ field: 'lines', message: 'the amounts of this invoice are too large' }],
        });
      }
      throw error;
    }
  }
}
