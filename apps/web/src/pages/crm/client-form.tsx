import { Fieldset, Radio, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Client, ClientCreate, ClientKind, ClientUpdate, CompanyDetails } from '../../api/use-clients';
import type { FieldMap } from '../../forms/form-errors';
import { i18n } from '../../i18n/i18n';
import { clientKindLabel } from './crm-labels';
import {
  AddressDraft,
  AddressFields,
  addressDraftOf,
  addressOf,
  BranchOwnerFields,
  emptyAddress,
  orNull,
  recordFields,
  TagsField,
} from './record-fields';

/** The API's fields of a client as the form labels them, in the reader's language. */
export const clientFields = (): FieldMap => ({
  ...recordFields(),
  kind: { label: i18n.t('clientForm.kind') },
  name: { label: i18n.t('clientForm.name') },
  email: { label: i18n.t('clientForm.email') },
  phone: { label: i18n.t('clientForm.phone') },
  'company.legalName': { label: i18n.t('clientForm.legalName') },
  'company.registrationNumber': { label: i18n.t('clientForm.registrationNumber') },
  'company.vatNumber': { label: i18n.t('clientForm.vatNumber') },
  'company.website': { label: i18n.t('clientForm.website') },
  'company.industry': { label: i18n.t('clientForm.industry') },
});

/** Client-side rules, checked before anything is sent (their words read when they run). */
export const CLIENT_RULES = {
  name: (name: string) => (name.trim() ? null : i18n.t('clientForm.nameMissing')),
  branchId: (branchId: string | null) => (branchId ? null : i18n.t('clientForm.branchMissing')),
};

type CompanyDraft = Required<{ [Key in keyof CompanyDetails]: string }>;

export interface ClientDraft {
  kind: ClientKind;
  name: string;
  email: string;
  phone: string;
  address: AddressDraft;
  company: CompanyDraft;
  tags: string[];
  branchId: string | null;
  ownerId: string | null;
  notes: string;
}

const emptyCompany: CompanyDraft = { legalName: '', registrationNumber: '', vatNumber: '', website: '', industry: '' };

export const newClientDraft = (branchId: string | null): ClientDraft => ({
  kind: 'company',
  name: '',
  email: '',
  phone: '',
  address: emptyAddress,
  company: emptyCompany,
  tags: [],
  branchId,
  ownerId: null,
  notes: '',
});

export const clientDraftOf = (client: Client): ClientDraft => ({
  kind: client.kind as ClientKind,
  name: client.name,
  email: client.email ?? '',
  phone: client.phone ?? '',
  address: addressDraftOf(client.address),
  company: { ...emptyCompany, ...client.company },
  tags: client.tags,
  branchId: client.branchId,
  ownerId: client.ownerId,
  notes: client.notes ?? '',
});

function companyOf(draft: ClientDraft): CompanyDetails | null {
  if (draft.kind !== 'company') return null;
  const filled = Object.entries(draft.company)
    .map(([key, value]) => [key, value.trim()] as const)
    .filter(([, value]) => value);
  return filled.length ? (Object.fromEntries(filled) as CompanyDetails) : null;
}

/** What the API stores for a draft, field by field. */
const valuesOf = (draft: ClientDraft) => ({
  kind: draft.kind,
  name: draft.name.trim(),
  email: orNull(draft.email),
  phone: orNull(draft.phone),
  address: addressOf(draft.address),
  company: companyOf(draft),
  tags: draft.tags,
  branchId: draft.branchId ?? '',
  ownerId: draft.ownerId,
  notes: orNull(draft.notes),
});

export function createBodyOf(draft: ClientDraft): ClientCreate {
  const { ownerId, ...values } = valuesOf(draft);
  // No owner chosen: the API makes the caller owner.
  return ownerId ? { ...values, ownerId } : values;
}

/**
 * Only the fields that changed: the activity log records which fields an edit touched,
 * and an untouched field should not appear there.
 */
export function patchOf(original: Client, draft: ClientDraft, version: number): ClientUpdate {
  const before = valuesOf(clientDraftOf(original));
  const after = valuesOf(draft);
  const changed = (Object.keys(after) as Array<keyof typeof after>).filter(
    (key) => JSON.stringify(after[key]) !== JSON.stringify(before[key]),
  );
  return { version, ...Object.fromEntries(changed.map((key) => [key, after[key]])) };
}

/** The fields of a client, shared by the "New client" drawer and the edit form. */
export function ClientFields({
  draft,
  onChange,
  errors,
}: {
  draft: ClientDraft;
  onChange: (changes: Partial<ClientDraft>) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const setCompany = (key: keyof CompanyDraft) => (event: { currentTarget: { value: string } }) =>
    onChange({ company: { ...draft.company, [key]: event.currentTarget.value } });
  return (
    <Stack gap="sm">
      <Radio.Group
        label={t('clientForm.kind')}
        value={draft.kind}
        onChange={(kind) => onChange({ kind: kind as ClientKind })}
        error={errors.kind}
      >
        <SimpleGrid cols={2} mt={6} maw={300}>
          <Radio value="company" label={clientKindLabel('company')} />
          <Radio value="individual" label={clientKindLabel('individual')} />
        </SimpleGrid>
      </Radio.Group>
      <TextInput
        label={t('clientForm.name')}
        required
        data-autofocus
        value={draft.name}
        onChange={(event) => onChange({ name: event.currentTarget.value })}
        error={errors.name}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('clientForm.email')}
          type="email"
          value={draft.email}
          onChange={(event) => onChange({ email: event.currentTarget.value })}
          error={errors.email}
        />
        <TextInput
          label={t('clientForm.phone')}
          type="tel"
          value={draft.phone}
          onChange={(event) => onChange({ phone: event.currentTarget.value })}
          error={errors.phone}
        />
      </SimpleGrid>
      <AddressFields value={draft.address} onChange={(address) => onChange({ address })} errors={errors} />
      {draft.kind === 'company' && (
        <Fieldset legend={t('clientForm.companyDetails')} variant="filled">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('clientForm.legalName')}
              value={draft.company.legalName}
              onChange={setCompany('legalName')}
              error={errors['company.legalName']}
            />
            <TextInput
              label={t('clientForm.registrationNumber')}
              value={draft.company.registrationNumber}
              onChange={setCompany('registrationNumber')}
              error={errors['company.registrationNumber']}
            />
            <TextInput
              label={t('clientForm.vatNumber')}
              value={draft.company.vatNumber}
              onChange={setCompany('vatNumber')}
              error={errors['company.vatNumber']}
            />
            <TextInput
              label={t('clientForm.website')}
              type="url"
              value={draft.company.website}
              onChange={setCompany('website')}
              error={errors['company.website']}
            />
            <TextInput
              label={t('clientForm.industry')}
              value={draft.company.industry}
              onChange={setCompany('industry')}
              error={errors['company.industry']}
            />
          </SimpleGrid>
        </Fieldset>
      )}
      <TagsField value={draft.tags} onChange={(tags) => onChange({ tags })} error={errors.tags} />
      <BranchOwnerFields
        branchId={draft.branchId}
        ownerId={draft.ownerId}
        onBranchChange={(branchId) => onChange({ branchId })}
        onOwnerChange={(ownerId) => onChange({ ownerId })}
        errors={errors}
      />
      <Textarea
        label={t('recordForm.notes')}
        autosize
        minRows={2}
        maxRows={8}
        value={draft.notes}
        onChange={(event) => onChange({ notes: event.currentTarget.value })}
        error={errors.notes}
      />
    </Stack>
  );
}
