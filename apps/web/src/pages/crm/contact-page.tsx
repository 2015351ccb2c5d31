import { Alert, Anchor, Badge, Button, Card, Grid, Group, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ReactNode, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useClient } from '../../api/use-clients';
import { type Contact, useContact, useContactActivity, useDeleteContact } from '../../api/use-contacts';
import { ConfirmModal } from '../../components/confirm-modal';
import { usePageTitle } from '../../layout/page-title';
import { ActivityLog } from './activity-log';
import { CommunicationTimeline } from './communication-timeline';
import { ContactConsentsPanel } from './contact-consents-panel';
import { formatDateTime, formatRelative } from './crm-labels';
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
  usePageTitle(contact.data?.fullName ?? 'Contact');
  return (
    <RecordLoader query={contact} what="contact" backTo="/contacts" backLabel="Back to contacts">
      {(record) => <ContactView contact={record} />}
    </RecordLoader>
  );
}

function ContactView({ contact }: { contact: Contact }) {
  const access = useCrmAccess();
  const client = useClient(contact.clientId);
  const activity = useContactActivity(contact.id);
  const readsTimeline = access.can('communications:read');
  const owner = access.ownerName(contact.ownerId);
  const restricted = contact.restricted || Boolean(client.data?.restricted);

  return (
    <Stack maw={1300}>
      <RecordBreadcrumbs to="/contacts" label="Contacts" current={contact.fullName} />
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
                {contact.jobTitle ? 'at ' : 'At '}
                <Anchor component={Link} to={`/clients/${contact.clientId}`}>
                  {client.data?.name ?? 'their client'}
                </Anchor>
              </Text>
            )}
            {contact.tags.map((tag) => (
              <Badge key={tag} variant="outline">
                {tag}
              </Badge>
            ))}
            <Text size="sm" c="dimmed">
              {access.branchName(contact.branchId)} branch
              {owner ? ` · Owner: ${owner}` : ''}
              {contact.lastActivityAt
                ? ` · Last activity ${formatRelative(contact.lastActivityAt)}`
                : ' · No activity yet'}
            </Text>
          </Group>
        </div>
        <Group gap="xs">
          <RestrictionActions kind="contact" id={contact.id} name={contact.fullName} restricted={contact.restricted} />
          <LegalHoldAction kind="contact" id={contact.id} />
        </Group>
      </Group>
      {contact.restricted && (
        <Alert color="gray" title="Processing restricted" role="status">
          This person asked us to restrict processing of their data. The record is read-only and nothing new can be
          logged until the restriction is lifted.
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <ContactDetailsCard contact={contact} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Tabs defaultValue={readsTimeline ? 'timeline' : 'activity'}>
            <Tabs.List>
              {readsTimeline && <Tabs.Tab value="timeline">Timeline</Tabs.Tab>}
              {access.can('consents:read') && <Tabs.Tab value="consents">Consents</Tabs.Tab>}
              <Tabs.Tab value="activity">Activity log</Tabs.Tab>
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
                Who created and changed this contact, and which fields. Values are not kept here.
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
          Details
        </Title>
        {access.mayChangeUnlessRestricted(contact) && (
          <Group gap="xs">
            <RestrictableAction restricted={contact.restricted}>
              <Button size="xs" variant="default" disabled={contact.restricted} onClick={() => setEditing(true)}>
                Edit
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
                Delete
              </Button>
            </RestrictableAction>
          </Group>
        )}
      </Group>
      <Table
        aria-label="Contact details"
        withRowBorders={false}
        verticalSpacing={4}
        style={{ overflowWrap: 'anywhere' }}
      >
        <Table.Tbody>
          <Detail label="Email">
            {contact.email && (
              <Anchor href={`mailto:${contact.email}`} size="sm">
                {contact.email}
              </Anchor>
            )}
          </Detail>
          <Detail label="Phone">
            {contact.phone && (
              <Anchor href={`tel:${contact.phone.replace(/\s+/g, '')}`} size="sm">
                {contact.phone}
              </Anchor>
            )}
          </Detail>
          <Detail label="Address">{addressText}</Detail>
          <Detail label="Notes">
            {contact.notes && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {contact.notes}
              </Text>
            )}
          </Detail>
          <Detail label="Added">{formatDateTime(contact.createdAt)}</Detail>
        </Table.Tbody>
      </Table>
      {editing && <EditContactModal contact={contact} onClose={() => setEditing(false)} />}
      <ConfirmModal
        opened={deleting}
        title={`Delete ${contact.fullName}?`}
        confirmLabel="Delete contact"
        busy={remove.isPending}
        onClose={() => setDeleting(false)}
        onConfirm={() =>
          remove.mutate(contact.id, {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: `${contact.fullName} was deleted.` });
              navigate(contact.clientId ? `/clients/${contact.clientId}` : '/contacts');
            },
          })
        }
      >
        They go, with the calls, emails, meetings and notes logged with them, and they leave every contact list. Their
        client stays. This cannot be undone.
      </ConfirmModal>
    </Card>
  );
}
