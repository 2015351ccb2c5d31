import { Injectable } from '@nestjs/common';
import { type DataCategory, PersonalDataRegistry, type SubjectKind } from '#personal-data';
import type { Settings } from '../../config/settings.js';
import { AppSettings } from '../../config/settings.module.js';
import { DEFAULT_MIN_USER_AGE } from '../../identity/identity.types.js';
import { RetentionService } from '../../retention/retention.service.js';
import { COOKIE_CATEGORIES } from '../cookies/cookie-categories.js';
import { PoliciesRepository } from './policies.repository.js';
import type { CategoryFact, ContactFact, PolicyFacts, RightFact } from './policy-facts.types.js';

/** The lowest minimum age an organization may set (the policies differ: 13 and 18). */
const LOWEST_MIN_AGE = 13;

const REGION_NAMES: Record<string, string> = {
  'eu-west': 'the European Union (Ireland)',
  'eu-central': 'the European Union (Germany)',
  'eu-north': 'the European Union (Sweden)',
  uk: 'the United Kingdom',
  'us-east': 'the United States (Virginia)',
  'us-west': 'the United States (Oregon)',
  'ap-south': 'India (Mumbai)',
  'ap-southeast': 'Singapore',
};

export const regionName = (region: string): string => REGION_NAMES[region] ?? region;

/** The rights both reference policies list, with the GDPR article that grants each. */
export const RIGHTS: RightFact[] = [
  {
    key: 'access',
    article: 'Art. 15',
    name: 'Right of access',
    description: 'Request a copy of all personal data held about you',
  },
  {
    key: 'rectification',
    article: 'Art. 16',
    name: 'Right to rectification',
    description: 'Correct inaccurate or incomplete information',
  },
  { key: 'erasure', article: 'Art. 17', name: 'Right to erasure', description: 'Have your data permanently deleted' },
  {
    key: 'restriction',
    article: 'Art. 18',
    name: 'Right to restrict processing',
    description: 'Limit how your data is used while a concern is settled',
  },
  {
    key: 'portability',
    article: 'Art. 20',
    name: 'Right to data portability',
    description: 'Receive your data in a structured, machine-readable format',
  },
  {
    key: 'objection',
    article: 'Art. 21',
    name: 'Right to object',
    description: 'Object to processing, including direct marketing, which then stops',
  },
  {
    key: 'withdraw-consent',
    article: 'Art. 7(3)',
    name: 'Right to withdraw consent',
    description: 'Withdraw any consent you gave, as easily as you gave it',
  },
];

const AUDIENCE_KINDS: Record<PolicyFacts['audience'], SubjectKind[]> = {
  users: ['user'],
  contacts: ['contact', 'client'],
};

/** The number a settings path names (`retention.invoiceYears`), or null when it is no number. */
export function settingValue(settings: Settings, path: string): number | null {
  let value: unknown = settings;
  for (const part of path.split('.')) value = (value as Record<string, unknown> | undefined)?.[part];
  return typeof value === 'number' ? value : null;
}

/** The wording with the organization's period in place of the platform's ("730 days" → "365 days"). */
function withOwnPeriod(description: string, own: { unit: string; platform: number; own: number }): string {
  const unit = own.unit.replace(/s$/, '');
  const platform = new RegExp(`\\b${own.platform} ${unit}s?\\b`);
  const replacement = `${own.own} ${own.own === 1 ? unit : `${unit}s`}`;
  return platform.test(description)
    ? description.replace(platform, replacement)
    : `${description} (this organization: ${replacement})`;
}

/**
 * Gathers what a policy states as fact from the sources the system enforces: the
 * personal-data registry (categories, purposes, bases, retention wording), the typed
 * settings the purge jobs read, the processor registry and the controller's contact.
 */
@Injectable()
export class PolicyFactsService {
  constructor(
    private readonly registry: PersonalDataRegistry,
    private readonly settings: AppSettings,
    private readonly policies: PoliciesRepository,
    private readonly retention: RetentionService,
  ) {}

  async forPlatform(): Promise<PolicyFacts> {
    const contact = await this.policies.findContact(null);
    return this.compose({
      audience: 'users',
      organizationId: null,
      age: DEFAULT_MIN_USER_AGE,
      region: this.settings.privacy.dataRegion,
      requestFormUrl: `${this.settings.appUrl}/privacy/request`,
      contact: contact ?? {
        controllerName: 'Steward CRM',
        email: null,
        dpoName: null,
        dpoEmail: null,
        postalAddress: null,
        phone: null,
        authorityName: 'the data protection authority where you live or work',
        authorityUrl: null,
      },
    });
  }

  async forOrganization(organization: {
    id: string;
    name: string;
    slug: string;
    minUserAge: number;
    dataRegion: string;
  }): Promise<PolicyFacts> {
    const contact = await this.policies.findContact(organization.id);
    return this.compose({
      audience: 'contacts',
      organizationId: organization.id,
      age: organization.minUserAge,
      region: organization.dataRegion,
      requestFormUrl: `${this.settings.appUrl}/privacy/${organization.slug}/request`,
      contact: contact ?? {
        controllerName: organization.name,
        email: null,
        dpoName: null,
        dpoEmail: null,
        postalAddress: null,
        phone: null,
        authorityName: 'the data protection authority where you live or work',
        authorityUrl: null,
      },
    });
  }

  private async compose(input: {
    audience: PolicyFacts['audience'];
    organizationId: string | null;
    age: number;
    region: string;
    requestFormUrl: string;
    contact: ContactFact;
  }): Promise<PolicyFacts> {
    const kinds = AUDIENCE_KINDS[input.audience];
    // An organization's own periods (where a rule allows one) replace the platform's in its notice.
    const own = input.organizationId ? await this.retention.periodsOf(input.organizationId) : [];
    const categories = this.registry
      .describeAll()
      .filter((category) => category.subjectKinds.some((kind) => kinds.includes(kind)))
      .map((category) =>
        this.categoryFact(
          category,
          own.find((period) => period.setting === category.retention.setting),
        ),
      );
    const processors = await this.policies.listProcessors(input.organizationId);
    return {
      audience: input.audience,
      categories,
      processors: processors.map(({ name, purpose, dataCategories, location, safeguard, dpaDate }) => ({
        name,
        purpose,
        dataCategories,
        location,
        safeguard,
        dpaDate,
      })),
      cookies: COOKIE_CATEGORIES.map(({ key, name, required, description }) => ({ key, name, required, description })),
      minimumAge: { age: input.age, lowest: LOWEST_MIN_AGE, highest: DEFAULT_MIN_USER_AGE },
      residency: { region: input.region, regionName: regionName(input.region) },
      rights: RIGHTS,
      response: { days: this.settings.privacy.responseDays, extensionMonths: 2 },
      requestFormUrl: input.requestFormUrl,
      contact: {
        controllerName: input.contact.controllerName,
        email: input.contact.email,
        dpoName: input.contact.dpoName,
        dpoEmail: input.contact.dpoEmail,
        postalAddress: input.contact.postalAddress,
        phone: input.contact.phone,
        authorityName: input.contact.authorityName,
        authorityUrl: input.contact.authorityUrl,
      },
    };
  }

  private categoryFact(category: DataCategory, own?: { unit: string; platform: number; own: number }): CategoryFact {
    const platformValue = settingValue(this.settings, category.retention.setting);
    return {
      category: category.category,
      subjectKinds: category.subjectKinds,
      description: category.description,
      fields: category.fields,
      purposes: category.purposes,
      lawfulBasis: category.lawfulBasis,
      retention: {
        setting: category.retention.setting,
        value: own ? own.own : platformValue,
        description: own ? withOwnPeriod(category.retention.description, own) : category.retention.description,
      },
      legalHold: category.legalHold ?? null,
    };
  }
}
