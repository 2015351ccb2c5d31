import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { fieldErrorsOf, formProblemOf } from '../../api/problems';
import { type Role, useInviteUser } from '../../api/use-users';
import { AccessFields } from './access-fields';

const emptyInvitation = { email: '', fullName: '', jobTitle: '', role: 'viewer' as Role, branchIds: [] as string[] };

/** Names a colleague, their role and branches; they get an emailed link that works for 7 days. */
export function InviteUserModal({
  opened,
  onClose,
  mayGrantOwner,
}: {
  opened: boolean;
  onClose: () => void;
  mayGrantOwner: boolean;
}) {
  const invite = useInviteUser();
  const [form, setForm] = useState(emptyInvitation);
  const set = (changes: Partial<typeof emptyInvitation>) => setForm((current) => ({ ...current, ...changes }));

  function close() {
    invite.reset();
    setForm(emptyInvitation);
    onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    invite.mutate(
      {
        email: form.email.trim(),
        fullName: form.fullName.trim(),
        ...(form.jobTitle.trim() ? { jobTitle: form.jobTitle.trim() } : {}),
        role: form.role,
        branchIds: form.branchIds,
      },
      {
        onSuccess: (invited) => {
          notifications.show(
            invited.invitationEmail === 'sent'
              ? {
                  color: 'teal',
                  title: 'Invitation sent',
                  message: `${invited.fullName} can accept it from the email sent to ${invited.email} within 7 days.`,
                }
              : invited.invitationEmail === 'queued'
                ? {
                    color: 'yellow',
                    title: 'Invitation queued',
                    message: `The mail server is not answering. The email to ${invited.email} will go out when it is back.`,
                  }
                : {
                    color: 'red',
                    title: 'Invitation not sent',
                    message: `The mail server refused the email to ${invited.email}. Resend it later from the people list.`,
                  },
          );
          close();
        },
      },
    );
  }

  const errors = fieldErrorsOf(invite.error);
  const problem = formProblemOf(invite.error);
  // An account with this email exists already: that is about the email field.
  const taken = problem?.problem.code === 'conflict' ? problem.message : undefined;
  return (
    <Modal opened={opened} onClose={close} title="Invite someone" centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          {problem && !taken && (
            <Alert color="red" title={problem.problem.title} role="alert">
              {problem.message}
            </Alert>
          )}
          <TextInput
            label="Email"
            type="email"
            required
            data-autofocus
            value={form.email}
            onChange={(event) => set({ email: event.currentTarget.value })}
            error={errors.email ?? taken}
          />
          <TextInput
            label="Full name"
            required
            value={form.fullName}
            onChange={(event) => set({ fullName: event.currentTarget.value })}
            error={errors.fullName}
          />
          <TextInput
            label="Job title"
            value={form.jobTitle}
            onChange={(event) => set({ jobTitle: event.currentTarget.value })}
            error={errors.jobTitle}
          />
          <AccessFields
            role={form.role}
            branchIds={form.branchIds}
            onRoleChange={(role) => set({ role })}
            onBranchIdsChange={(branchIds) => set({ branchIds })}
            mayGrantOwner={mayGrantOwner}
            errors={errors}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={invite.isPending}>
              Send invitation
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
