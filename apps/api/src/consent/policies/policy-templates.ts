import type { PolicyDocument } from './entities/policy-version.entity.js';
import type { PolicySection } from './policy-sections.js';

const section = (
  key: string,
  title: string,
  facts: PolicySection['facts'],
  prose = '',
  closing = '',
): PolicySection => ({
  key,
  title,
  prose,
  facts,
  closing,
});

/**
 * The platform's policy toward its users, in the short style of the first reference policy
 * (`../shared/policies/000_*`): brief headings, one list each. Every list is rendered from
 * live facts; only the sentences around them are text.
 */
export const PLATFORM_TEMPLATE: PolicySection[] = [
  section(
    'introduction',
    'About this policy',
    null,
    'This policy explains what Steward CRM collects about the people who use it, why, for how long, and the rights you have. The lists below are produced from the settings the service enforces, so they always say what the system actually does.',
  ),
  section('collected', 'Information We Collect', 'collected'),
  section('use', 'How We Use Information', 'purposes'),
  section(
    'retention',
    'Data Retention and Deletion',
    'retention',
    'We retain personal information only for as long as necessary to provide services, satisfy legal and accounting obligations, resolve disputes, enforce agreements, and protect security.',
    'Upon verified deletion requests or contract termination, data is deleted or de-identified within the periods above unless retention is required by law.',
  ),
  section(
    'processors',
    'Third-Party Processors and Infrastructure',
    'processors',
    'We use trusted service providers to operate the platform, as data processors on our behalf. They process information under contractual and technical safeguards and only to the extent necessary for service delivery, hosting, storage, security, and operational support.',
  ),
  section(
    'cookies',
    'Cookies and Automatic Collection',
    'cookies',
    'Steward CRM uses cookies and similar technologies for session management, security, authentication, and service functionality. Only essential cookies are set until you choose otherwise.',
    'You can change your choice at any time with the "Cookie settings" link at the foot of every page.',
  ),
  section('children', "Children's Privacy", 'minimum-age'),
  section('transfers', 'Where Data Is Stored', 'residency'),
  section('rights', 'Your Rights', 'rights'),
  section('contact', 'Contact', 'contact', 'If you have privacy questions, contact us.'),
];

/**
 * An organization's notice toward its own contacts, in the fuller style of the second
 * reference policy (`../shared/policies/004_*`): rights by article, processors with their
 * locations and safeguards, transfers and a data protection officer.
 */
export const NOTICE_TEMPLATE: PolicySection[] = [
  section(
    'collected',
    'Information we collect',
    'collected',
    'We collect the information necessary to serve you as our customer. This includes:',
    'We never collect sensitive personal data (health, biometric, political views) unless you explicitly provide it for a legitimate business purpose.',
  ),
  section(
    'use',
    'How we use your information',
    'purposes',
    'Your data is used for the purposes below, each on the lawful basis stated under GDPR Article 6:',
    'We never sell your personal data to third parties or use it for behavioral advertising.',
  ),
  section(
    'security',
    'Data protection & security',
    null,
    'Personal fields are encrypted at rest with AES-256-GCM under a key of their own for each person, so erasing that key makes the data unreadable everywhere, backups included.\n\nAccess is role-based and least-privilege, staff can be required to use two-step verification, and every change to personal data is recorded in a tamper-evident audit trail.',
  ),
  section(
    'retention',
    'Data retention policy',
    'retention',
    'We retain your personal data only as long as necessary to fulfil the purposes outlined in this notice:',
  ),
  section(
    'rights',
    'Your legal rights',
    'rights',
    'Under GDPR and similar privacy laws, you have the following rights:',
  ),
  section(
    'processors',
    'Third-party services & processors',
    'processors',
    'We engage trusted third-party processors to deliver our services. All processors are bound by data processing agreements:',
    'We never share your personal data with advertising networks, data brokers, or marketing platforms.',
  ),
  section('cookies', 'Cookies & tracking technologies', 'cookies', 'Our web pages use cookies in these categories:'),
  section(
    'children',
    "Children's privacy",
    'minimum-age',
    '',
    'If you believe a minor has provided us with personal data, please contact us and we will delete it.',
  ),
  section('transfers', 'International data transfers', 'residency'),
  section(
    'contact',
    'Contact us & Data Protection Officer',
    'contact',
    'For privacy-related questions, data requests, or to report a concern, contact us:',
  ),
];

export const TEMPLATES: Record<PolicyDocument, PolicySection[]> = {
  platform: PLATFORM_TEMPLATE,
  notice: NOTICE_TEMPLATE,
};

export const DOCUMENT_TITLES: Record<PolicyDocument, string> = {
  platform: 'Privacy Policy',
  notice: 'Privacy Notice',
};
