import type { FieldDescription, LawfulBasis, SubjectKind } from '#personal-data';

/** One personal-data category as a policy states it, straight from the registry's describe(). */
export interface CategoryFact {
  category: string;
  subjectKinds: SubjectKind[];
  description: string;
  fields: FieldDescription[];
  purposes: string[];
  lawfulBasis: LawfulBasis;
  retention: { setting: string; value: number | null; description: string };
  legalHold: { reason: string; years: number } | null;
}

export interface ProcessorFact {
  name: string;
  purpose: string;
  dataCategories: string[];
  location: string;
  safeguard: string;
  dpaDate: string | null;
}

export interface ContactFact {
  controllerName: string;
  email: string | null;
  dpoName: string | null;
  dpoEmail: string | null;
  postalAddress: string | null;
  phone: string | null;
  authorityName: string;
  authorityUrl: string | null;
}

export interface RightFact {
  key: string;
  article: string;
  name: string;
  description: string;
}

/**
 * Everything a policy states as fact, gathered from live sources (the personal-data
 * registry, typed settings, the processor registry, the organization's settings). Never
 * typed by a person: prose sits around these. Holds no personal data.
 */
export interface PolicyFacts {
  audience: 'users' | 'contacts';
  categories: CategoryFact[];
  processors: ProcessorFact[];
  cookies: Array<{ key: string; name: string; required: boolean; description: string }>;
  minimumAge: { age: number; lowest: number; highest: number };
  residency: { region: string; regionName: string };
  rights: RightFact[];
  response: { days: number; extensionMonths: number };
  requestFormUrl: string;
  contact: ContactFact;
}
