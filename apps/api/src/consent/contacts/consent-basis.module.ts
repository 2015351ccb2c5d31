import { Module } from '@nestjs/common';
import { ConsentBasisService } from './consent-basis.service.js';
import { ConsentPurposesRepository } from './consent-purposes.repository.js';

/**
 * The ledger's one door for other contexts (the CRM's marketing lists and exports). Kept
 * apart from ContactConsentsModule, which itself uses the CRM's contacts: no module cycle.
 */
@Module({
  providers: [ConsentPurposesRepository, ConsentBasisService],
  exports: [ConsentBasisService, ConsentPurposesRepository],
})
export class ConsentBasisModule {}
