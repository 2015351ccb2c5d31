import { Injectable } from '@nestjs/common';
import type { DataCategory } from '#personal-data';
import { Clock } from '../../common/clock.js';
import { AppSettings } from '../../config/settings.module.js';
import { CRM_CLIENTS } from '../crm.types.js';
import { CRM_PROCESSORS, whileSubscribed } from '../crm-retention.js';
import type { ClientEntity } from '../entities/client.entity.js';
import { ClientsRepository } from './clients.repository.js';
import { ClientsService } from './clients.service.js';
import { SubjectRecordPersonalData } from './subject-record.personal-data.js';

/** A client who is a person (or a sole trader): the client record itself. */
@Injectable()
export class ClientsPersonalData extends SubjectRecordPersonalData<ClientEntity> {
  readonly category = CRM_CLIENTS;

  constructor(
    clients: ClientsRepository,
    service: ClientsService,
    clock: Clock,
    private readonly settings: AppSettings,
  ) {
    super(clients, service, () => clock.now());
  }

  describe(): DataCategory {
    return {
      category: this.category,
      subjectKinds: ['client'],
      description: 'Client records: name, contact details, address, company details, notes and tags.',
      fields: [
        { name: 'name', description: 'Name of the person or company', encrypted: true },
        { name: 'email', description: 'Email address', encrypted: true },
        { name: 'phone', description: 'Phone number', encrypted: true },
        { name: 'address', description: 'Postal address', encrypted: true },
        { name: 'company', description: 'Company details (legal name, registration and VAT numbers)', encrypted: true },
        { name: 'notes', description: 'Notes by the organization', encrypted: true },
        { name: 'tags', description: 'Labels chosen by the organization', encrypted: false },
      ],
      purposes: ['Manage the customer relationship on behalf of the organization'],
      lawfulBasis: 'contract',
      retention: whileSubscribed(this.settings),
      processors: CRM_PROCESSORS,
    };
  }
}
