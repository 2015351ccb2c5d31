import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { isEmail, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { asSentence, formProblemOf } from '../../api/problems';
import { type Role, useInviteUser } from '../../api/use-users';
import { applyFieldErrors, type FieldMap, useFirstErrorFocus } from '../../forms/form-errors';
import { AccessFields } from './access-fields';

const emptyInvitation = { email: '', fullName: '', jobTitle: '', role: 'viewer' as Role, branchIds: [] as string[] };

const FIELDS: FieldMap = {
  email: { label: 'Email' },
  fullName: { label: 'Full name' },
  jobTitle: { label: 'Job title' },
  role: { label: 'Role' },
  branchIds: { label: 'Branches' },
};

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
  const form = useForm({
    initialValues: emptyInvitation,
    validate: {
      email: isEmail('Enter their email address, such as name@example.com.'),
      fullName: (name) => (name.trim() ? null : 'Enter their full name, as the invitation will greet them.'),
    },
  });
  const { ref, focusFirstError } = useFirstErrorFocus();
  const [elsewhere, setElsewhere] = useState<string[]>([]);

  function close() {
    invite.reset();
    form.reset();
    setElsewhere([]);
    onClose();
  }

  const submit = form.onSubmit((values) => {
    setElsewhere([]);
    invite.mutate(
      {
        email: values.email.trim(),
        fullName: values.fullName.trim(),
        ...(values.jobTitle.trim() ? { jobTitle: values.jobTitle.trim() } : {}),
        role: values.role,
        branchIds: values.branchIds,
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
        onError: (error) => {
          setElsewhere(applyFieldErrors(form, error, FIELDS));
          // An account with this email exists already: that is about the email field.
          const problem = formProblemOf(error);
          if (problem?.problem.code === 'conflict') form.setFieldError('email', asSentence(problem.message));
          focusFirstError();
        },
      },
    );
  }, focusFirstError);

  const problem = formProblemOf(invite.error);
  const shown = problem && problem.problem.code !== 'conflict' ? problem.message : elsewhere.join(' ');
  return (
    <Modal opened={opened} onClose={close} title="Invite someone" centered>
      <form ref={ref} onSubmit={submit} noValidate aria-label="Invite someone">
        <Stack>
          {shown && (
            <Alert color="red" title={problem?.problem.title ?? 'Not invited'} role="alert">
              {shown}
            </Alert>
          )}
          <TextInput label="Email" type="email" required data-autofocus {...form.getInputProps('email')} />
          <TextInput label="Full name" required {...form.getInputProps('fullName')} />
          <TextInput label="Job title" {...form.getInputProps('jobTitle')} />
          <AccessFields
            role={form.values.role}
            branchIds={form.values.branchIds}
            onRoleChange={(role) => form.setFieldValue('role', role)}
            onBranchIdsChange={(branchIds) => form.setFieldValue('branchIds', branchIds)}
            mayGrantOwner={mayGrantOwner}
            errors={form.errors as Record<string, string>}
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
