import { Alert, Anchor, Badge, Button, Card, Grid, Group, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { type Client, useClient, useClientActivity, useDeleteClient } from '../../api/use-clients';
import { useContactList } from '../../api/use-contacts';
import { ConfirmModal } from '../../components/confirm-modal';
import { useFormat } from '../../i18n/use-locale';
import { usePageTitle } from '../../layout/page-title';
import { ActivityLog } from './activity-log';
import { ClientBalanceCard, ClientInvoicesCard, ClientJobsCard } from './client-work';
import { CommunicationTimeline } from './communication-timeline';
import { clientKindLabel, formatDateTime, formatRelative } from './crm-labels';
import { EditClientModal } from './edit-client-modal';
import { LegalHoldAction } from './legal-hold-action';
import { LogCommunicationForm } from './log-communication-form';
import { NewContactModal } from './new-contact-modal';
import { RecordBreadcrumbs, RecordLoader } from './record-header';
import { RestrictableAction, RestrictedBadge, RestrictionActions } from './restriction-controls';
import { useCrmAccess } from './use-crm-access';

/** One client: details, their people, jobs, invoices and balance, the communication timeline and the activity log. */
export function ClientPage() {
  const { id = '' } = useParams();
  const client = useClient(id);
  const { t } = useTranslation();
  usePageTitle(client.data?.name ?? t('record.what.client'));
  return (
    <RecordLoader query={client} what="client" backTo="/clients" backLabel={t('client.backToClients')}>
      {(record) => <ClientView client={record} />}
    </RecordLoader>
  );
}

/** Contacts at one client: a page is plenty for the timeline's contact picker and the card. */
const CONTACTS_SHOWN = 100;

function ClientView({ client }: { client: Client }) {
  const access = useCrmAccess();
  const { t } = useTranslation();
  useFormat();
  const contacts = useContactList({ clientId: client.id }, { pageSize: CONTACTS_SHOWN });
  const activity = useClientActivity(client.id);
  const people = contacts.data?.pages.flatMap((page) => page.items) ?? [];
  const contactNames = new Map(people.map((person) => [person.id, person.fullName]));
  const mayChange = access.mayChangeUnlessRestricted(client);
  const readsTimeline = access.can('communications:read');
  const owner = access.ownerName(client.ownerId);

  return (
    <Stack maw={1300}>
      <RecordBreadcrumbs to="/clients" label={t('titles.clients')} current={client.name} />
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="sm">
            <Title order={1}>{client.name}</Title>
            {client.restricted && <RestrictedBadge />}
          </Group>
          <Group gap="xs" mt={6}>
            <Badge variant="light" color={client.kind === 'company' ? 'indigo' : 'cyan'}>
              {clientKindLabel(client.kind)}
            </Badge>
            {client.tags.map((tag) => (
              <Badge key={tag} variant="outline">
                {tag}
              </Badge>
            ))}
            <Text size="sm" c="dimmed">
              {t('contact.branch', { branch: access.branchName(client.branchId) })}
              {owner ? t('contact.owner', { name: owner }) : ''}
              {client.lastActivityAt
                ? t('contact.lastActivity', { when: formatRelative(client.lastActivityAt) })
                : t('contact.noActivity')}
            </Text>
          </Group>
        </div>
        <Group gap="xs">
          <RestrictionActions kind="client" id={client.id} name={client.name} restricted={client.restricted} />
          <LegalHoldAction kind="client" id={client.id} />
        </Group>
      </Group>
      {client.restricted && (
        <Alert color="gray" title={t('contact.restrictedTitle')} role="status">
          {t('client.restrictedText')}
        </Alert>
      )}
      {/* Money only for those who read invoices: an agent sees none of it here. */}
      {access.can('invoices:read') && <ClientBalanceCard clientId={client.id} />}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            <ClientDetailsCard client={client} mayChange={mayChange} />
            <ContactsCard client={client} contacts={people} loading={contacts.isPending} more={contacts.hasNextPage} />
            {access.can('jobs:read') && <ClientJobsCard clientId={client.id} />}
            {access.can('invoices:read') && (
              <ClientInvoicesCard clientId={client.id} mayCreate={access.can('invoices:write') && !client.restricted} />
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Tabs defaultValue={readsTimeline ? 'timeline' : 'activity'}>
            <Tabs.List>
              {readsTimeline && <Tabs.Tab value="timeline">{t('contact.timeline')}</Tabs.Tab>}
              <Tabs.Tab value="activity">{t('contact.activityLog')}</Tabs.Tab>
            </Tabs.List>
            {readsTimeline && (
              <Tabs.Panel value="timeline" pt="md">
                <Stack>
                  {access.can('communications:write') && !client.restricted && (
                    <LogCommunicationForm clientId={client.id} contacts={people} />
                  )}
                  <CommunicationTimeline of={{ clientId: client.id }} contactNames={contactNames} />
                </Stack>
              </Tabs.Panel>
            )}
            <Tabs.Panel value="activity" pt="md">
              <Text size="sm" c="dimmed" mb="sm">
                {t('client.activityIntro')}
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
      <Table.Th w={130} fw={500} c="dimmed">
        {label}
      </Table.Th>
      <Table.Td>{children || '—'}</Table.Td>
    </Table.Tr>
  );
}

function ClientDetailsCard({ client, mayChange }: { client: Client; mayChange: boolean }) {
  const remove = useDeleteClient();
  const navigate = useNavigate();
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const address = client.address;
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
  const company = client.company;
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {t('contact.details')}
        </Title>
        {mayChange && (
          <Group gap="xs">
            <RestrictableAction restricted={client.restricted}>
              <Button size="xs" variant="default" disabled={client.restricted} onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
            </RestrictableAction>
            <RestrictableAction restricted={client.restricted}>
              <Button
                size="xs"
                variant="light"
                color="red"
                disabled={client.restricted}
                onClick={() => setDeleting(true)}
              >
                {t('common.delete')}
              </Button>
            </RestrictableAction>
          </Group>
        )}
      </Group>
      <Table
        aria-label={t('client.detailsTable')}
        withRowBorders={false}
        verticalSpacing={4}
        style={{ overflowWrap: 'anywhere' }}
      >
        <Table.Tbody>
          <Detail label={t('contact.email')}>
            {client.email && (
              <Anchor href={`mailto:${client.email}`} size="sm">
                {client.email}
              </Anchor>
            )}
          </Detail>
          <Detail label={t('contact.phone')}>
            {client.phone && (
              <Anchor href={`tel:${client.phone.replace(/\s+/g, '')}`} size="sm">
                {client.phone}
              </Anchor>
            )}
          </Detail>
          <Detail label={t('contact.address')}>{addressText}</Detail>
          {client.kind === 'company' && (
            <>
              <Detail label={t('client.legalName')}>{company?.legalName}</Detail>
              <Detail label={t('client.registration')}>{company?.registrationNumber}</Detail>
              <Detail label={t('client.vatNumber')}>{company?.vatNumber}</Detail>
              <Detail label={t('client.website')}>{company?.website}</Detail>
              <Detail label={t('client.industry')}>{company?.industry}</Detail>
            </>
          )}
          <Detail label={t('contact.notes')}>
            {client.notes && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {client.notes}
              </Text>
            )}
          </Detail>
          <Detail label={t('contact.added')}>{formatDateTime(client.createdAt)}</Detail>
        </Table.Tbody>
      </Table>
      {editing && <EditClientModal client={client} onClose={() => setEditing(false)} />}
      <ConfirmModal
        opened={deleting}
        title={t('contact.deleteTitle', { name: client.name })}
        confirmLabel={t('client.deleteConfirm')}
        busy={remove.isPending}
        onClose={() => setDeleting(false)}
        onConfirm={() =>
          remove.mutate(client.id, {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('contact.deleted', { name: client.name }) });
              navigate('/clients');
            },
          })
        }
      >
        {t('client.deleteText')}
      </ConfirmModal>
    </Card>
  );
}

function ContactsCard({
  client,
  contacts,
  loading,
  more,
}: {
  client: Client;
  contacts: Array<{
    id: string;
    fullName: string;
    jobTitle: string | null;
    email: string | null;
    phone: string | null;
  }>;
  loading: boolean;
  more: boolean;
}) {
  const access = useCrmAccess();
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {t('client.contacts')}
        </Title>
        {access.can('clients:write') && !client.restricted && (
          <Button size="xs" variant="default" onClick={() => setAdding(true)}>
            {t('client.addContact')}
          </Button>
        )}
      </Group>
      {loading ? (
        <Text size="sm" c="dimmed">
          {t('recordForm.loading')}
        </Text>
      ) : contacts.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('client.noContacts')}
        </Text>
      ) : (
        <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('client.contactsList')}>
          {contacts.map((contact) => (
            <li key={contact.id}>
              <Anchor component={Link} to={`/contacts/${contact.id}`} size="sm" fw={500}>
                {contact.fullName}
              </Anchor>
              <Text size="xs" c="dimmed">
                {[contact.jobTitle, contact.email, contact.phone].filter(Boolean).join(' · ') || '—'}
              </Text>
            </li>
          ))}
        </Stack>
      )}
      {more && (
        <Anchor component={Link} to={`/contacts?clientId=${client.id}`} size="sm" mt="xs">
          {t('client.allContacts')}
        </Anchor>
      )}
      <NewContactModal opened={adding} onClose={() => setAdding(false)} client={client} />
    </Card>
  );
}
