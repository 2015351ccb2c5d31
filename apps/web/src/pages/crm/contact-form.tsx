import { SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Contact, ContactCreate, ContactUpdate } from '../../api/use-contacts';
import type { FieldMap } from '../../forms/form-errors';
import { i18n } from '../../i18n/i18n';
import { ClientPicker } from './client-picker';
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

/** The API's fields of a contact as the form labels them, in the reader's language. */
export const contactFields = (): FieldMap => ({
  ...recordFields(),
  fullName: { label: i18n.t('contactForm.fullName') },
  jobTitle: { label: i18n.t('contactForm.jobTitle') },
  clientId: { label: i18n.t('recordForm.client') },
  email: { label: i18n.t('contactForm.email') },
  phone: { label: i18n.t('contactForm.phone') },
});

/** Client-side rules, checked before anything is sent (their words read when they run). */
export const CONTACT_RULES = {
  fullName: (fullName: string) => (fullName.trim() ? null : i18n.t('contactForm.nameMissing')),
  branchId: (branchId: string | null, draft: { clientId: string | null }) =>
    branchId || draft.clientId ? null : i18n.t('contactForm.branchMissing'),
};

export interface ContactDraft {
  fullName: string;
  jobTitle: string;
  clientId: string | null;
  email: string;
  phone: string;
  address: AddressDraft;
  tags: string[];
  branchId: string | null;
  ownerId: string | null;
  notes: string;
}

export const newContactDraft = (clientId: string | null, branchId: string | null): ContactDraft => ({
  fullName: '',
  jobTitle: '',
  clientId,
  email: '',
  phone: '',
  address: emptyAddress,
  tags: [],
  // At a client, the contact goes to the client's branch unless the person picks another.
  branchId: clientId ? null : branchId,
  ownerId: null,
  notes: '',
});

export const contactDraftOf = (contact: Contact): ContactDraft => ({
  fullName: contact.fullName,
  jobTitle: contact.jobTitle ?? '',
  clientId: contact.clientId,
  email: contact.email ?? '',
  phone: contact.phone ?? '',
  address: addressDraftOf(contact.address),
  tags: contact.tags,
  branchId: contact.branchId,
  ownerId: contact.ownerId,
  notes: contact.notes ?? '',
});

const valuesOf = (draft: ContactDraft) => ({
  fullName: draft.fullName.trim(),
  jobTitle: orNull(draft.jobTitle),
  clientId: draft.clientId,
  email: orNull(draft.email),
  phone: orNull(draft.phone),
  address: addressOf(draft.address),
  tags: draft.tags,
  branchId: draft.branchId,
  ownerId: draft.ownerId,
  notes: orNull(draft.notes),
});

export function createContactBodyOf(draft: ContactDraft): ContactCreate {
  const { branchId, ownerId, ...values } = valuesOf(draft);
  return { ...values, ...(branchId ? { branchId } : {}), ...(ownerId ? { ownerId } : {}) };
}

/** Only the fields that changed, so the activity log names just those. */
export function contactPatchOf(original: Contact, draft: ContactDraft, version: number): ContactUpdate {
  const before = valuesOf(contactDraftOf(original));
  const after = valuesOf(draft);
  const changed = (Object.keys(after) as Array<keyof typeof after>).filter(
    (key) => JSON.stringify(after[key]) !== JSON.stringify(before[key]),
  );
  return { version, ...Object.fromEntries(changed.map((key) => [key, after[key]])) } as ContactUpdate;
}

export function ContactFields({
  draft,
  onChange,
  errors,
  clientFixed,
}: {
  draft: ContactDraft;
  onChange: (changes: Partial<ContactDraft>) => void;
  errors: Record<string, string>;
  /** Added from a client's page: the client is given. */
  clientFixed?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('contactForm.fullName')}
          required
          data-autofocus
          value={draft.fullName}
          onChange={(event) => onChange({ fullName: event.currentTarget.value })}
          error={errors.fullName}
        />
        <TextInput
          label={t('contactForm.jobTitle')}
          value={draft.jobTitle}
          onChange={(event) => onChange({ jobTitle: event.currentTarget.value })}
          error={errors.jobTitle}
        />
      </SimpleGrid>
      {!clientFixed && (
        <ClientPicker
          value={draft.clientId}
          onChange={(clientId) => onChange({ clientId })}
          label={t('recordForm.client')}
          description={t('contactForm.clientHint')}
          error={errors.clientId}
        />
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('contactForm.email')}
          type="email"
          value={draft.email}
          onChange={(event) => onChange({ email: event.currentTarget.value })}
          error={errors.email}
        />
        <TextInput
          label={t('contactForm.phone')}
          type="tel"
          value={draft.phone}
          onChange={(event) => onChange({ phone: event.currentTarget.value })}
          error={errors.phone}
        />
      </SimpleGrid>
      <AddressFields value={draft.address} onChange={(address) => onChange({ address })} errors={errors} />
      <TagsField value={draft.tags} onChange={(tags) => onChange({ tags })} error={errors.tags} />
      <BranchOwnerFields
        branchId={draft.branchId}
        ownerId={draft.ownerId}
        onBranchChange={(branchId) => onChange({ branchId })}
        onOwnerChange={(ownerId) => onChange({ ownerId })}
        errors={errors}
        branchRequired={!draft.clientId}
        branchDescription={draft.clientId ? t('contactForm.branchHint') : undefined}
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
