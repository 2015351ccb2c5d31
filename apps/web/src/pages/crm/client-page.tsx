import { Alert, Anchor, Badge, Button, Card, Grid, Group, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ReactNode, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { type Client, useClient, useClientActivity, useDeleteClient } from '../../api/use-clients';
import { useContactList } from '../../api/use-contacts';
import { ConfirmModal } from '../../components/confirm-modal';
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
  usePageTitle(client.data?.name ?? 'Client');
  return (
    <RecordLoader query={client} what="client" backTo="/clients" backLabel="Back to clients">
      {(record) => <ClientView client={record} />}
    </RecordLoader>
  );
}

/** Contacts at one client: a page is plenty for the timeline's contact picker and the card. */
const CONTACTS_SHOWN = 100;

function ClientView({ client }: { client: Client }) {
  const access = useCrmAccess();
  const contacts = useContactList({ clientId: client.id }, { pageSize: CONTACTS_SHOWN });
  const activity = useClientActivity(client.id);
  const people = contacts.data?.pages.flatMap((page) => page.items) ?? [];
  const contactNames = new Map(people.map((person) => [person.id, person.fullName]));
  const mayChange = access.mayChangeUnlessRestricted(client);
  const readsTimeline = access.can('communications:read');
  const owner = access.ownerName(client.ownerId);

  return (
    <Stack maw={1300}>
      <RecordBreadcrumbs to="/clients" label="Clients" current={client.name} />
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
              {access.branchName(client.branchId)} branch
              {owner ? ` · Owner: ${owner}` : ''}
              {client.lastActivityAt
                ? ` · Last activity ${formatRelative(client.lastActivityAt)}`
                : ' · No activity yet'}
            </Text>
          </Group>
        </div>
        <Group gap="xs">
          <RestrictionActions kind="client" id={client.id} name={client.name} restricted={client.restricted} />
          <LegalHoldAction kind="client" id={client.id} />
        </Group>
      </Group>
      {client.restricted && (
        <Alert color="gray" title="Processing restricted" role="status">
          This client asked us to restrict processing of their data. The record is read-only and nothing new can be
          logged until the restriction is lifted.
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
              {readsTimeline && <Tabs.Tab value="timeline">Timeline</Tabs.Tab>}
              <Tabs.Tab value="activity">Activity log</Tabs.Tab>
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
                Who created and changed this client, and which fields. Values are not kept here.
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
          Details
        </Title>
        {mayChange && (
          <Group gap="xs">
            <RestrictableAction restricted={client.restricted}>
              <Button size="xs" variant="default" disabled={client.restricted} onClick={() => setEditing(true)}>
                Edit
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
                Delete
              </Button>
            </RestrictableAction>
          </Group>
        )}
      </Group>
      <Table
        aria-label="Client details"
        withRowBorders={false}
        verticalSpacing={4}
        style={{ overflowWrap: 'anywhere' }}
      >
        <Table.Tbody>
          <Detail label="Email">
            {client.email && (
              <Anchor href={`mailto:${client.email}`} size="sm">
                {client.email}
              </Anchor>
            )}
          </Detail>
          <Detail label="Phone">
            {client.phone && (
              <Anchor href={`tel:${client.phone.replace(/\s+/g, '')}`} size="sm">
                {client.phone}
              </Anchor>
            )}
          </Detail>
          <Detail label="Address">{addressText}</Detail>
          {client.kind === 'company' && (
            <>
              <Detail label="Legal name">{company?.legalName}</Detail>
              <Detail label="Registration">{company?.registrationNumber}</Detail>
              <Detail label="VAT number">{company?.vatNumber}</Detail>
              <Detail label="Website">{company?.website}</Detail>
              <Detail label="Industry">{company?.industry}</Detail>
            </>
          )}
          <Detail label="Notes">
            {client.notes && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {client.notes}
              </Text>
            )}
          </Detail>
          <Detail label="Added">{formatDateTime(client.createdAt)}</Detail>
        </Table.Tbody>
      </Table>
      {editing && <EditClientModal client={client} onClose={() => setEditing(false)} />}
      <ConfirmModal
        opened={deleting}
        title={`Delete ${client.name}?`}
        confirmLabel="Delete client"
        busy={remove.isPending}
        onClose={() => setDeleting(false)}
        onConfirm={() =>
          remove.mutate(client.id, {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: `${client.name} was deleted.` });
              navigate('/clients');
            },
          })
        }
      >
        The client goes, and with it their jobs, appointments and the communications logged with them. Their invoices
        stay: they are legal records, kept for 7 years. Contacts at this client stay, without a client. This cannot be
        undone.
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
  const [adding, setAdding] = useState(false);
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          Contacts
        </Title>
        {access.can('clients:write') && !client.restricted && (
          <Button size="xs" variant="default" onClick={() => setAdding(true)}>
            Add contact
          </Button>
        )}
      </Group>
      {loading ? (
        <Text size="sm" c="dimmed">
          Loading…
        </Text>
      ) : contacts.length === 0 ? (
        <Text size="sm" c="dimmed">
          No one at this client yet.
        </Text>
      ) : (
        <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Contacts at this client">
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
          See all contacts at this client
        </Anchor>
      )}
      <NewContactModal opened={adding} onClose={() => setAdding(false)} client={client} />
    </Card>
  );
}
