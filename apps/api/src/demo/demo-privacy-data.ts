import type { ContactValues, ProcessorValues } from '../consent/policies/policies.service.js';

export interface DemoPrivacy {
  contact: ContactValues;
  processors: ProcessorValues[];
}

/**
 * The demo's privacy facts. The platform's contact and processors follow the short style of
 * the first reference policy; the demo organization's notice the fuller style of the second
 * (processors with locations and safeguards, a data protection officer, an authority).
 */
export const DEMO_PLATFORM_PRIVACY: DemoPrivacy = {
  contact: {
    controllerName: 'Steward CRM (demo operator)',
    email: 'privacy@steward-crm.test',
    dpoName: null,
    dpoEmail: null,
    postalAddress: null,
    phone: null,
    authorityName: 'the data protection authority where you live or work',
    authorityUrl: null,
  },
  processors: [
    {
      name: 'Amazon Web Services',
      purpose: 'Cloud hosting, storage and compute',
      dataCategories: ['Account profile', 'CRM records', 'Security logs'],
      location: 'the European Union (Ireland)',
      safeguard: 'Data processing agreement with Standard Contractual Clauses',
      dpaDate: '2026-01-15',
    },
  ],
};

export const DEMO_NOTICE_PRIVACY: DemoPrivacy = {
  contact: {
    controllerName: 'Harbor & Pine Field Services Ltd',
    email: 'privacy@harbor-pine.test',
    dpoName: 'Data Protection Officer',
    dpoEmail: 'dpo@harbor-pine.test',
    postalAddress: '12 Quay Street, Bristol BS1 4DJ, United Kingdom',
    phone: '+44 117 496 0000',
    authorityName: "Information Commissioner's Office (UK)",
    authorityUrl: 'https://ico.org.uk/make-a-complaint/',
  },
  processors: [
    {
      name: 'Steward CRM',
      purpose: 'Our customer records, scheduling and invoicing',
      dataCategories: ['Contact details', 'Communication history', 'Jobs and invoices'],
      location: 'the European Union (Ireland)',
      safeguard: 'Data processing agreement; UK adequacy regulations',
      dpaDate: '2026-02-01',
    },
    {
      name: 'Amazon SES',
      purpose: 'Transactional email (visit reminders, invoices)',
      dataCategories: ['Contact details'],
      location: 'the European Union (Ireland)',
      safeguard: 'Data processing agreement with Standard Contractual Clauses',
      dpaDate: '2026-02-01',
    },
    {
      name: 'Stripe',
      purpose: 'Card payments for invoices',
      dataCategories: ['Billing details'],
      location: 'the United States',
      safeguard: 'Standard Contractual Clauses and the EU–US Data Privacy Framework',
      dpaDate: '2026-02-10',
    },
  ],
};
