import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/app-error.js';
import { ConsentPurposesRepository } from './consent-purposes.repository.js';
import { validBasisCondition } from './consent-sql.js';

/**
 * What the rest of the product may ask of the consent ledger: the SQL condition "this
 * contact has a valid basis for this purpose" (the CRM's list and export queries embed it),
 * and whether a purpose key names one of the organization's purposes. Nothing else of the
 * ledger's tables is reachable from outside this context.
 */
@Injectable()
export class ConsentBasisService {
  constructor(private readonly purposes: ConsentPurposesRepository) {}

  /** See `validBasisCondition`: bind the purpose key as `:${purposeKeyParam}`. */
  validBasisCondition(contactAlias: string, purposeKeyParam: string): string {
    return validBasisCondition(contactAlias, purposeKeyParam);
  }

  /** 400 with the field named when the key is not an active purpose of the organization. */
  async assertPurposeKey(organizationId: string, key: string, field: string): Promise<void> {
    const purpose = await this.purposes.findByKey(organizationId, key);
    if (!purpose || purpose.archivedAt) {
      const message = `no active consent purpose with the key "${key}"`;
      throw new AppError('validation-failed', `${field}: ${message}`, { errors: [{ field, message }] });
    }
  }
}
