import { Alert, Anchor, Badge, Button, Card, Grid, Group, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ReactNode, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useClient } from '../../api/use-clients';
import { type Contact, useContact, useContactActivity, useDeleteContact } from '../../api/use-contacts';
import { ConfirmModal } from '../../components/confirm-modal';
import { useFormat } from '../../i18n/use-locale';
import { usePageTitle } from '../../layout/page-title';
import { ActivityLog } from './activity-log';
import { CommunicationTimeline } from './communication-timeline';
import { ContactConsentsPanel } from './contact-consents-panel';
import { formatRelative } from './crm-labels';
import { EditContactModal } from './edit-contact-modal';
import { LegalHoldAction } from './legal-hold-action';
import { LogCommunicationForm } from './log-communication-form';
import { RecordBreadcrumbs, RecordLoader } from './record-header';
import { RestrictableAction, RestrictedBadge, RestrictionActions } from './restriction-controls';
import { useCrmAccess } from './use-crm-access';

/** One contact: details, their client, their own timeline and the activity log. */
export function ContactPage() {
  const { id = '' } = useParams();
  const contact = useContact(id);
  const { t } = useTranslation();
  usePageTitle(contact.data?.fullName ?? t('titles.contact'));
  return (
    <RecordLoader query={contact} what="contact" backTo="/contacts" backLabel={t('contact.backToContacts')}>
      {(record) => <ContactView contact={record} />}
    </RecordLoader>
  );
}

function ContactView({ contact }: { contact: Contact }) {
  const access = useCrmAccess();
  const { t } = useTranslation();
  useFormat();
  const client = useClient(contact.clientId);
  const activity = useContactActivity(contact.id);
  const readsTimeline = access.can('communications:read');
  const owner = access.ownerName(contact.ownerId);
  const restricted = contact.restricted || Boolean(client.data?.restricted);

  return (
    <Stack maw={1300}>
      <RecordBreadcrumbs to="/contacts" label={t('titles.contacts')} current={contact.fullName} />
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="sm">
            <Title order={1}>{contact.fullName}</Title>
            {contact.restricted && <RestrictedBadge />}
          </Group>
          <Group gap="xs" mt={6}>
            {contact.jobTitle && <Text size="sm">{contact.jobTitle}</Text>}
            {contact.clientId && (
              <Text size="sm">
                <Trans
                  i18nKey={contact.jobTitle ? 'contact.at' : 'contact.atStart'}
                  values={{ client: client.data?.name ?? t('contact.theirClient') }}
                  components={{ anchor: <Anchor component={Link} to={`/clients/${contact.clientId}`} /> }}
                />
              </Text>
            )}
            {contact.tags.map((tag) => (
              <Badge key={tag} variant="outline">
                {tag}
              </Badge>
            ))}
            <Text size="sm" c="dimmed">
              {t('contact.branch', { branch: access.branchName(contact.branchId) })}
              {owner ? t('contact.owner', { name: owner }) : ''}
              {contact.lastActivityAt
                ? t('contact.lastActivity', { when: formatRelative(contact.lastActivityAt) })
                : t('contact.noActivity')}
            </Text>
          </Group>
        </div>
        <Group gap="xs">
          <RestrictionActions kind="contact" id={contact.id} name={contact.fullName} restricted={contact.restricted} />
          <LegalHoldAction kind="contact" id={contact.id} />
        </Group>
      </Group>
      {contact.restricted && (
        <Alert color="gray" title={t('contact.restrictedTitle')} role="status">
          {t('contact.restrictedText')}
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <ContactDetailsCard contact={contact} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Tabs defaultValue={readsTimeline ? 'timeline' : 'activity'}>
            <Tabs.List>
              {readsTimeline && <Tabs.Tab value="timeline">{t('contact.timeline')}</Tabs.Tab>}
              {access.can('consents:read') && <Tabs.Tab value="consents">{t('contact.consents')}</Tabs.Tab>}
              <Tabs.Tab value="activity">{t('contact.activityLog')}</Tabs.Tab>
            </Tabs.List>
            {access.can('consents:read') && (
              <Tabs.Panel value="consents" pt="md">
                <ContactConsentsPanel contactId={contact.id} mayWrite={access.can('consents:write')} />
              </Tabs.Panel>
            )}
            {readsTimeline && (
              <Tabs.Panel value="timeline" pt="md">
                <Stack>
                  {access.can('communications:write') && !restricted && <LogCommunicationForm contactId={contact.id} />}
                  <CommunicationTimeline of={{ contactId: contact.id }} />
                </Stack>
              </Tabs.Panel>
            )}
            <Tabs.Panel value="activity" pt="md">
              <Text size="sm" c="dimmed" mb="sm">
                {t('contact.activityIntro')}
              </Text>
              <ActivityLog activity={activity} />
            </Tabs.Panel>
          </Tabs>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={120} fw={500} c="dimmed">
        {label}
      </Table.Th>
      <Table.Td>{children || '—'}</Table.Td>
    </Table.Tr>
  );
}

function ContactDetailsCard({ contact }: { contact: Contact }) {
  const access = useCrmAccess();
  const { t } = useTranslation();
  const { formatDateTime } = useFormat();
  const remove = useDeleteContact();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const address = contact.address;
  const addressText = address
    ? [
        address.line1,
        address.line2,
        [address.postcode, address.city].filter(Boolean).join(' '),
        address.region,
        address.country,
      ]
        .filter(Boolean)
        .join(', ')
    : '';
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {t('contact.details')}
        </Title>
        {access.mayChangeUnlessRestricted(contact) && (
          <Group gap="xs">
            <RestrictableAction restricted={contact.restricted}>
              <Button size="xs" variant="default" disabled={contact.restricted} onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
            </RestrictableAction>
            <RestrictableAction restricted={contact.restricted}>
              <Button
                size="xs"
                variant="light"
                color="red"
                disabled={contact.restricted}
                onClick={() => setDeleting(true)}
              >
                {t('common.delete')}
              </Button>
            </RestrictableAction>
          </Group>
        )}
      </Group>
      <Table
        aria-label={t('contact.detailsTable')}
        withRowBorders={false}
        verticalSpacing={4}
        style={{ overflowWrap: 'anywhere' }}
      >
        <Table.Tbody>
          <Detail label={t('contact.email')}>
            {contact.email && (
              <Anchor href={`mailto:${contact.email}`} size="sm">
                {contact.email}
              </Anchor>
            )}
          </Detail>
          <Detail label={t('contact.phone')}>
            {contact.phone && (
              <Anchor href={`tel:${contact.phone.replace(/\s+/g, '')}`} size="sm">
                {contact.phone}
              </Anchor>
            )}
          </Detail>
          <Detail label={t('contact.address')}>{addressText}</Detail>
          <Detail label={t('contact.notes')}>
            {contact.notes && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {contact.notes}
              </Text>
            )}
          </Detail>
          <Detail label={t('contact.added')}>
            <time dateTime={contact.createdAt}>{formatDateTime(contact.createdAt)}</time>
          </Detail>
        </Table.Tbody>
      </Table>
      {editing && <EditContactModal contact={contact} onClose={() => setEditing(false)} />}
      <ConfirmModal
        opened={deleting}
        title={t('contact.deleteTitle', { name: contact.fullName })}
        confirmLabel={t('contact.deleteConfirm')}
        busy={remove.isPending}
        onClose={() => setDeleting(false)}
        onConfirm={() =>
          remove.mutate(contact.id, {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('contact.deleted', { name: contact.fullName }) });
              navigate(contact.clientId ? `/clients/${contact.clientId}` : '/contacts');
            },
          })
        }
      >
        {t('contact.deleteText')}
      </ConfirmModal>
    </Card>
  );
}
