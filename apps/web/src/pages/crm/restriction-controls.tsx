import { Badge, Button, Group, Modal, Select, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ReactNode, useState } from 'react';
import { type RestrictionKind, type RestrictionReason, useSetRestriction } from '../../api/use-restrictions';
import { usePermissions } from '../../auth/use-permissions';
import { ConfirmModal } from '../../components/confirm-modal';
import { RESTRICTION_REASON_LABELS } from '../../labels';

export function RestrictedBadge({ size = 'md' }: { size?: 'xs' | 'sm' | 'md' }) {
  return (
    <Badge size={size} color="gray" variant="filled">
      Restricted
    </Badge>
  );
}

/** Why an edit button is greyed out on a restricted record. */
export const RESTRICTED_TOOLTIP = 'Processing is restricted: the record is read-only until the restriction is lifted';

/**
 * An edit action on a record that may be restricted: enabled as usual, or disabled with the
 * reason in a tooltip (a disabled button gets no pointer events, so the tooltip sits on a wrapper).
 */
export function RestrictableAction({ restricted, children }: { restricted: boolean; children: ReactNode }) {
  if (!restricted) return <>{children}</>;
  return (
    <Tooltip label={RESTRICTED_TOOLTIP} withArrow>
      <span>{children}</span>
    </Tooltip>
  );
}

const REASONS = Object.entries(RESTRICTION_REASON_LABELS).map(([value, label]) => ({ value, label }));

/** "Restrict processing" (with the Art. 18 ground) or "Lift restriction", for privacy staff only. */
export function RestrictionActions({
  kind,
  id,
  name,
  restricted,
}: {
  kind: RestrictionKind;
  id: string;
  name: string;
  restricted: boolean;
}) {
  const { can } = usePermissions();
  const change = useSetRestriction(kind);
  // Which question is open, fixed when asked: the record's state flips under an open modal on success.
  const [asking, setAsking] = useState<'restrict' | 'lift' | null>(null);
  const [reason, setReason] = useState<RestrictionReason | null>(null);
  if (!can('restrictions:write')) return null;

  const close = () => {
    setAsking(null);
    setReason(null);
  };
  const submit = (next: RestrictionReason | null) =>
    change.mutate(
      { id, reason: next },
      {
        onSuccess: () => {
          notifications.show({
            color: 'teal',
            message: next ? `Processing of ${name} is restricted.` : `The restriction of ${name} was lifted.`,
          });
          close();
        },
      },
    );

  return (
    <>
      <Button
        size="xs"
        variant="light"
        color={restricted ? 'teal' : 'gray'}
        onClick={() => setAsking(restricted ? 'lift' : 'restrict')}
      >
        {restricted ? 'Lift restriction' : 'Restrict processing'}
      </Button>
      <ConfirmModal
        opened={asking === 'lift'}
        title={`Lift the restriction of ${name}?`}
        confirmLabel="Lift restriction"
        busy={change.isPending}
        onClose={close}
        onConfirm={() => submit(null)}
      >
        The record can be changed again and comes back into marketing lists and exports where they have consented.
        Lifting is recorded in the audit trail, and the person should be told before it is lifted (GDPR Art. 18(3)).
      </ConfirmModal>
      <Modal opened={asking === 'restrict'} onClose={close} title={`Restrict processing of ${name}`} centered>
        <Text size="sm" mb="sm">
          The record becomes read-only and is left out of marketing lists and exports until the restriction is lifted.
          Staff still see that the person exists.
        </Text>
        <Select
          label="Reason (GDPR Art. 18)"
          placeholder="Pick the ground"
          data={REASONS}
          value={reason}
          onChange={(value) => setReason(value as RestrictionReason | null)}
          comboboxProps={{ withinPortal: false }}
          required
        />
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button disabled={!reason} loading={change.isPending} onClick={() => reason && submit(reason)}>
            Restrict processing
          </Button>
        </Group>
      </Modal>
    </>
  );
}
