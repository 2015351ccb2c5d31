import { translateOr } from '../../i18n/i18n';

/** Words for the consent ledger's codes. */
export const CONSENT_STATUS_LABELS: Record<string, { label: string; color: string }> = {
  granted: { label: 'Granted', color: 'teal' },
  confirmed: { label: 'Confirmed (double opt-in)', color: 'teal' },
  pending: { label: 'Awaiting confirmation', color: 'yellow' },
  withdrawn: { label: 'Withdrawn', color: 'gray' },
  objected: { label: 'Objected', color: 'red' },
  none: { label: 'Not asked', color: 'gray' },
};

export const RECORDABLE_ACTIONS = [
  { value: 'granted', label: 'Granted' },
  { value: 'withdrawn', label: 'Withdrawn' },
  { value: 'objected', label: 'Objected' },
];

export const LAWFUL_BASIS_LABELS: Record<string, string> = {
  consent: 'Consent',
  'legitimate-interests': 'Legitimate interests',
  contract: 'Contract',
  'legal-obligation': 'Legal obligation',
};

export const CONSENT_SOURCE_LABELS: Record<string, string> = {
  phone: 'Phone call',
  email: 'Email',
  form: 'Web form',
  'in-person': 'In person',
  import: 'Import',
  api: 'Integration (API)',
  'double-opt-in': 'Double opt-in link',
};

export const statusOf = (code: string) => {
  const known = CONSENT_STATUS_LABELS[code] ?? { label: code, color: 'gray' };
  return { ...known, label: translateOr(`labels.consentStatus.${code}`, known.label) };
};

export const lawfulBasisLabel = (basis: string) =>
  translateOr(`labels.lawfulBasis.${basis}`, LAWFUL_BASIS_LABELS[basis] ?? basis);
export const consentSourceLabel = (source: string) =>
  translateOr(`labels.consentSource.${source}`, CONSENT_SOURCE_LABELS[source] ?? source);
