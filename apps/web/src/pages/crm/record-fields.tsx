import { Fieldset, Select, SimpleGrid, TagsInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Address } from '../../api/use-clients';
import type { FieldMap } from '../../forms/form-errors';
import { i18n } from '../../i18n/i18n';
import { normaliseTag } from './crm-labels';
import { useCrmAccess } from './use-crm-access';

export type AddressDraft = Required<{ [Key in keyof Address]: string }>;

export const emptyAddress: AddressDraft = { line1: '', line2: '', city: '', region: '', postcode: '', country: '' };

export const addressDraftOf = (address: Address | null): AddressDraft => ({ ...emptyAddress, ...address });

/** The address as the API takes it: only the lines filled in, or null for none. */
export function addressOf(draft: AddressDraft): Address | null {
  const filled = Object.entries(draft)
    .map(([key, value]) => [key, key === 'country' ? value.trim().toUpperCase() : value.trim()] as const)
    .filter(([, value]) => value);
  return filled.length ? (Object.fromEntries(filled) as Address) : null;
}

/** Blank text means "none" to the API (null), not an empty string it would store. */
export const orNull = (value: string) => value.trim() || null;

export function AddressFields({
  value,
  onChange,
  errors,
}: {
  value: AddressDraft;
  onChange: (address: AddressDraft) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const set = (key: keyof AddressDraft) => (event: { currentTarget: { value: string } }) =>
    onChange({ ...value, [key]: event.currentTarget.value });
  return (
    <Fieldset legend={t('recordForm.address')} variant="filled">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('recordForm.line1')}
          value={value.line1}
          onChange={set('line1')}
          error={errors['address.line1']}
        />
        <TextInput
          label={t('recordForm.line2')}
          value={value.line2}
          onChange={set('line2')}
          error={errors['address.line2']}
        />
        <TextInput
          label={t('recordForm.city')}
          value={value.city}
          onChange={set('city')}
          error={errors['address.city']}
        />
        <TextInput
          label={t('recordForm.region')}
          value={value.region}
          onChange={set('region')}
          error={errors['address.region']}
        />
        <TextInput
          label={t('recordForm.postcode')}
          value={value.postcode}
          onChange={set('postcode')}
          error={errors['address.postcode']}
        />
        <TextInput
          label={t('recordForm.country')}
          description={t('recordForm.countryHint')}
          maxLength={2}
          value={value.country}
          onChange={(event) => onChange({ ...value, country: event.currentTarget.value.toUpperCase() })}
          error={errors['address.country']}
        />
      </SimpleGrid>
    </Fieldset>
  );
}

/** Tags as the API wants them (lower-case words with dashes), fixed while typing. */
export function TagsField({
  value,
  onChange,
  error,
}: {
  value: string[];
  onChange: (tags: string[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <TagsInput
      label={t('recordForm.tags')}
      description={t('recordForm.tagsHint')}
      value={value}
      onChange={(tags) => onChange([...new Set(tags.map(normaliseTag).filter(Boolean))])}
      maxTags={20}
      clearable
      error={error}
    />
  );
}

/** Branch and owner of a record. The owner picker needs users:read; without it the API makes the caller owner. */
export function BranchOwnerFields({
  branchId,
  ownerId,
  onBranchChange,
  onOwnerChange,
  errors,
  branchRequired = true,
  branchDescription,
}: {
  branchId: string | null;
  ownerId: string | null;
  onBranchChange: (id: string | null) => void;
  onOwnerChange: (id: string | null) => void;
  errors: Record<string, string>;
  branchRequired?: boolean;
  branchDescription?: string;
}) {
  const access = useCrmAccess();
  const { t } = useTranslation();
  const branchOptions = access.writableBranches.map((branch) => ({ value: branch.id, label: branch.name }));
  // A record may sit in a branch the editor cannot move records to (an admin moved it): still show it.
  if (branchId && !branchOptions.some((option) => option.value === branchId)) {
    branchOptions.push({ value: branchId, label: access.branchName(branchId) });
  }
  const ownerOptions = (access.owners ?? []).map((person) => ({
    value: person.id,
    label: person.id === access.me?.id ? t('recordForm.you', { name: person.name }) : person.name,
  }));
  if (ownerId && access.owners && !ownerOptions.some((option) => option.value === ownerId)) {
    ownerOptions.push({ value: ownerId, label: access.ownerName(ownerId) ?? t('recordForm.formerColleague') });
  }
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <Select
        label={t('recordForm.branch')}
        placeholder={branchRequired ? t('recordForm.chooseBranch') : t('recordForm.asClient')}
        description={branchDescription}
        data={branchOptions}
        value={branchId}
        onChange={onBranchChange}
        required={branchRequired}
        clearable={!branchRequired}
        searchable
        error={errors.branchId}
        nothingFoundMessage={t('recordForm.noBranch')}
      />
      {access.owners && (
        <Select
          label={t('recordForm.owner')}
          placeholder={t('recordForm.ownerYou')}
          description={t('recordForm.ownerHint')}
          data={ownerOptions}
          value={ownerId}
          onChange={onOwnerChange}
          searchable
          clearable
          error={errors.ownerId}
        />
      )}
    </SimpleGrid>
  );
}

/** How the API's names of the shared record fields read in the forms. */
export const RECORD_FIELDS = {
  'address.line1': { label: 'Address line 1' },
  'address.line2': { label: 'Address line 2' },
  'address.city': { label: 'City' },
  'address.region': { label: 'Region' },
  'address.postcode': { label: 'Postcode' },
  'address.country': { label: 'Country' },
  address: { label: 'Address', path: 'address.line1' },
  tags: { label: 'Tags' },
  branchId: { label: 'Branch' },
  ownerId: { label: 'Owner' },
  notes: { label: 'Notes' },
};

/** RECORD_FIELDS in the reader's language, for the forms that are translated. */
export const recordFields = (): FieldMap => ({
  'address.line1': { label: i18n.t('recordForm.line1') },
  'address.line2': { label: i18n.t('recordForm.line2') },
  'address.city': { label: i18n.t('recordForm.city') },
  'address.region': { label: i18n.t('recordForm.region') },
  'address.postcode': { label: i18n.t('recordForm.postcode') },
  'address.country': { label: i18n.t('recordForm.country') },
  address: { label: i18n.t('recordForm.address'), path: 'address.line1' },
  tags: { label: i18n.t('recordForm.tags') },
  branchId: { label: i18n.t('recordForm.branch') },
  ownerId: { label: i18n.t('recordForm.owner') },
  notes: { label: i18n.t('recordForm.notes') },
});
