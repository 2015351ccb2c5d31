import { Injectable } from '@nestjs/common';
import type { DataCategory } from '#personal-data';
import { Clock } from '../../common/clock.js';
import { AppSettings } from '../../config/settings.module.js';
import { CRM_CONTACTS } from '../crm.types.js';
import { CRM_PROCESSORS, whileSubscribed } from '../crm-retention.js';
import type { ContactEntity } from '../entities/contact.entity.js';
import { ContactsRepository } from './contacts.repository.js';
import { ContactsService } from './contacts.service.js';
import { SubjectRecordPersonalData } from './subject-record.personal-data.js';

/** A contact: the person's record itself (their communications are crm.communications). */
@Injectable()
export class ContactsPersonalData extends SubjectRecordPersonalData<ContactEntity> {
  readonly category = CRM_CONTACTS;

  constructor(
    contacts: ContactsRepository,
    service: ContactsService,
    clock: Clock,
    private readonly settings: AppSettings,
  ) {
    super(contacts, service, () => clock.now());
  }

  describe(): DataCategory {
    return {
      category: this.category,
      subjectKinds: ['contact'],
      description: 'Contact records: name, contact details, job title, address, notes, tags and list memberships.',
      fields: [
        { name: 'fullName', description: 'Full name', encrypted: true },
        { name: 'email', description: 'Email address', encrypted: true },
        { name: 'phone', description: 'Phone number', encrypted: true },
        { name: 'jobTitle', description: 'Job title', encrypted: true },
        { name: 'address', description: 'Postal address', encrypted: true },
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
