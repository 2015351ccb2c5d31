import { ActionIcon, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { type User, useUserActions } from '../../api/use-users';
import { ConfirmModal } from '../../components/confirm-modal';

type Confirming = 'disable' | 'withdraw' | null;

/** What an admin can do to one person, by the state they are in. */
export function UserRowActions({ person, onEditAccess }: { person: User; onEditAccess: () => void }) {
  const actions = useUserActions();
  const [confirming, setConfirming] = useState<Confirming>(null);
  const done = (message: string) => () => {
    setConfirming(null);
    notifications.show({ color: 'teal', message });
  };

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${person.fullName}`}>
            <span aria-hidden>⋯</span>
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={onEditAccess}>Change role and branches</Menu.Item>
          {person.state === 'invited' && (
            <>
              <Menu.Item
                onClick={() =>
                  actions.resendInvitation.mutate(person.id, {
                    onSuccess: (answer) =>
                      done(
                        answer.invitationEmail === 'sent'
                          ? `Invitation sent again to ${person.email}. The earlier link no longer works.`
                          : answer.invitationEmail === 'queued'
                            ? `The mail server is not answering: the new invitation to ${person.email} will go out when it is back. The earlier link no longer works.`
                            : `The mail server refused the new invitation to ${person.email}. The earlier link no longer works.`,
                      )(),
                  })
                }
              >
                Resend invitation
              </Menu.Item>
              <Menu.Item color="red" onClick={() => setConfirming('withdraw')}>
                Withdraw invitation
              </Menu.Item>
            </>
          )}
          {person.state === 'active' && (
            <Menu.Item color="red" onClick={() => setConfirming('disable')}>
              Disable account
            </Menu.Item>
          )}
          {person.state === 'disabled' && (
            <Menu.Item
              onClick={() =>
                actions.enable.mutate(person.id, { onSuccess: done(`${person.fullName} can sign in again.`) })
              }
            >
              Enable account
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      <ConfirmModal
        opened={confirming === 'disable'}
        title={`Disable ${person.fullName}?`}
        confirmLabel="Disable account"
        busy={actions.disable.isPending}
        onClose={() => setConfirming(null)}
        onConfirm={() =>
          actions.disable.mutate(person.id, {
            onSuccess: done(`${person.fullName} can no longer sign in and was signed out everywhere.`),
          })
        }
      >
        They are signed out everywhere at once and cannot sign in until the account is enabled again. Their records
        stay.
      </ConfirmModal>
      <ConfirmModal
        opened={confirming === 'withdraw'}
        title={`Withdraw the invitation to ${person.fullName}?`}
        confirmLabel="Withdraw invitation"
        busy={actions.withdrawInvitation.isPending}
        onClose={() => setConfirming(null)}
        onConfirm={() =>
          actions.withdrawInvitation.mutate(person.id, {
            onSuccess: done(`The invitation to ${person.email} was withdrawn.`),
          })
        }
      >
        The emailed link stops working, and the name and email the invitation held are deleted.
      </ConfirmModal>
    </>
  );
}
