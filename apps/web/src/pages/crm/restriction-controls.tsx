import { Badge, Button, Group, Modal, Select, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type RestrictionKind, type RestrictionReason, useSetRestriction } from '../../api/use-restrictions';
import { usePermissions } from '../../auth/use-permissions';
import { ConfirmModal } from '../../components/confirm-modal';
import { RESTRICTION_REASON_LABELS, restrictionReasonLabel } from '../../labels';

export function RestrictedBadge({ size = 'md' }: { size?: 'xs' | 'sm' | 'md' }) {
  const { t } = useTranslation();
  return (
    <Badge size={size} color="gray" variant="filled">
      {t('restriction.badge')}
    </Badge>
  );
}

/**
 * An edit action on a record that may be restricted: enabled as usual, or disabled with the
 * reason in a tooltip (a disabled button gets no pointer events, so the tooltip sits on a wrapper).
 */
export function RestrictableAction({ restricted, children }: { restricted: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  if (!restricted) return <>{children}</>;
  return (
    <Tooltip label={t('restriction.tooltip')} withArrow>
      <span>{children}</span>
    </Tooltip>
  );
}

const reasons = () =>
  Object.keys(RESTRICTION_REASON_LABELS).map((value) => ({ value, label: restrictionReasonLabel(value) }));

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
  const { t } = useTranslation();
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
            message: next ? t('restriction.restricted', { name }) : t('restriction.lifted', { name }),
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
        {restricted ? t('restriction.lift') : t('restriction.restrict')}
      </Button>
      <ConfirmModal
        opened={asking === 'lift'}
        title={t('restriction.liftTitle', { name })}
        confirmLabel={t('restriction.lift')}
        busy={change.isPending}
        onClose={close}
        onConfirm={() => submit(null)}
      >
        {t('restriction.liftText')}
      </ConfirmModal>
      <Modal opened={asking === 'restrict'} onClose={close} title={t('restriction.restrictTitle', { name })} centered>
        <Text size="sm" mb="sm">
          {t('restriction.restrictText')}
        </Text>
        <Select
          label={t('restriction.reason')}
          placeholder={t('restriction.pickReason')}
          data={reasons()}
          value={reason}
          onChange={(value) => setReason(value as RestrictionReason | null)}
          comboboxProps={{ withinPortal: false }}
          required
        />
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button disabled={!reason} loading={change.isPending} onClick={() => reason && submit(reason)}>
            {t('restriction.restrict')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
