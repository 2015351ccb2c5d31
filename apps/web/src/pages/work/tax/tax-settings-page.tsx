import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  Group,
  List,
  Loader,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { type Branch, useBranches } from '../../../api/use-branches';
import {
  type TaxPolicy,
  useDeleteTaxPolicy,
  useEffectiveTaxPolicy,
  useTaxPolicies,
} from '../../../api/use-tax-policies';
import { usePermissions } from '../../../auth/use-permissions';
import { ConfirmModal } from '../../../components/confirm-modal';
import { formatIsoDate, todayIso } from '../dates';
import { formatPercent } from '../money';
import { PRICING_LABELS } from '../work-labels';
import { TaxPolicyModal } from './tax-policy-modal';

function periodOf(policy: TaxPolicy, today: string): { label: string; color: string } {
  if (policy.effectiveFrom > today) return { label: 'Upcoming', color: 'blue' };
  if (policy.effectiveTo !== null && policy.effectiveTo < today) return { label: 'Ended', color: 'gray' };
  return { label: 'In effect today', color: 'teal' };
}

const range = (policy: TaxPolicy) =>
  policy.effectiveTo
    ? `${formatIsoDate(policy.effectiveFrom)} – ${formatIsoDate(policy.effectiveTo)}`
    : `From ${formatIsoDate(policy.effectiveFrom)}, no end`;

/** Tax policies per branch and organization-wide, and which one an invoice uses when. */
export function TaxSettingsPage() {
  const { can } = usePermissions();
  const policies = useTaxPolicies();
  const branches = useBranches();
  const [editing, setEditing] = useState<TaxPolicy | 'new' | null>(null);
  const [deleting, setDeleting] = useState<TaxPolicy | null>(null);
  const remove = useDeleteTaxPolicy();
  const mayWrite = can('tax-policies:write');
  const items = policies.data?.items ?? [];
  const branchList = branches.data?.items ?? [];
  const scopes: { key: string; title: string; policies: TaxPolicy[] }[] = [
    {
      key: 'organization',
      title: 'Whole organization',
      policies: items.filter((policy) => policy.branchId === null),
    },
    ...branchList.map((branch: Branch) => ({
      key: branch.id,
      title: branch.name,
      policies: items.filter((policy) => policy.branchId === branch.id),
    })),
  ];
  const today = todayIso();

  return (
    <Stack maw={1100}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>Tax settings</Title>
          <Text c="dimmed" size="sm">
            The tax rates invoices are priced with, for the whole organization or per branch.
          </Text>
        </div>
        {mayWrite && <Button onClick={() => setEditing('new')}>New tax policy</Button>}
      </Group>

      <Card withBorder component="section" aria-labelledby="tax-rules-heading">
        <Title order={2} size="h4" id="tax-rules-heading" mb="xs">
          Which policy applies
        </Title>
        <List size="sm" spacing={4}>
          <List.Item>
            An invoice uses the policy of <b>its branch</b> in effect on its issue date. Only when the branch has none
            that day does the <b>organization-wide</b> policy apply.
          </List.Item>
          <List.Item>
            A policy applies from its first day to its last day, both included; with no last day it goes on until you
            set one. Two policies of the same scope cannot share a day.
          </List.Item>
          <List.Item>
            Drafts show totals with the policy of their planned issue date (today if none). Issuing applies the policy
            of the issue date and freezes the totals; a policy used by issued invoices keeps its rates and can only be
            ended, not deleted.
          </List.Item>
        </List>
        <EffectiveChecker branches={branchList} />
      </Card>

      {policies.isError && (
        <Alert color="red" role="alert" title="Could not load the tax policies">
          {policies.error.message}
        </Alert>
      )}
      {policies.isPending ? (
        <Center h={120}>
          <Loader aria-label="Loading tax policies" />
        </Center>
      ) : (
        scopes.map((scope) => (
          <Card key={scope.key} withBorder component="section" aria-label={scope.title}>
            <Title order={2} size="h4" mb="sm">
              {scope.title}
            </Title>
            {scope.policies.length === 0 ? (
              <Text size="sm" c="dimmed">
                {scope.key === 'organization'
                  ? 'No organization-wide policy: branches without their own cannot be invoiced.'
                  : 'No policy of its own: the organization-wide policy applies.'}
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={760}>
                <Table aria-label={`Tax policies: ${scope.title}`} verticalSpacing="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Name</Table.Th>
                      <Table.Th>Applies</Table.Th>
                      <Table.Th>Prices</Table.Th>
                      <Table.Th>Rates</Table.Th>
                      <Table.Th>
                        <VisuallyHidden>Actions</VisuallyHidden>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {scope.policies.map((policy) => {
                      const period = periodOf(policy, today);
                      return (
                        <Table.Tr key={policy.id}>
                          <Table.Td>
                            <Text size="sm" fw={600}>
                              {policy.name}
                            </Text>
                            <Badge size="xs" variant="light" color={period.color}>
                              {period.label}
                            </Badge>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">{range(policy)}</Text>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">{PRICING_LABELS[policy.pricing]?.label ?? policy.pricing}</Text>
                          </Table.Td>
                          <Table.Td>
                            {policy.rates.map((rate) => (
                              <Text size="sm" key={rate.code}>
                                <b>{rate.code}</b> {rate.name}: {formatPercent(rate.basisPoints)}%
                              </Text>
                            ))}
                          </Table.Td>
                          <Table.Td>
                            {mayWrite && (
                              <Group gap={4} wrap="nowrap" justify="flex-end">
                                <Button
                                  size="xs"
                                  variant="default"
                                  onClick={() => setEditing(policy)}
                                  aria-label={`Edit ${policy.name}`}
                                >
                                  Edit
                                </Button>
                                <Button
                                  size="xs"
                                  variant="subtle"
                                  color="red"
                                  onClick={() => setDeleting(policy)}
                                  aria-label={`Delete ${policy.name}`}
                                >
                                  Delete
                                </Button>
                              </Group>
                            )}
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Card>
        ))
      )}

      {editing && (
        <TaxPolicyModal
          key={editing === 'new' ? 'new' : editing.id}
          policy={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
      {deleting && (
        <ConfirmModal
          opened
          title={`Delete “${deleting.name}”?`}
          confirmLabel="Delete policy"
          busy={remove.isPending}
          onClose={() => setDeleting(null)}
          onConfirm={() =>
            remove.mutate(deleting.id, {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: `Tax policy “${deleting.name}” deleted.` });
                setDeleting(null);
              },
              onError: (error) => {
                notifications.show({
                  color: 'red',
                  title: 'The policy was not deleted',
                  message: error.message,
                  autoClose: 10_000,
                });
                setDeleting(null);
              },
            })
          }
        >
          Drafts priced with it are priced again with whatever policy applies instead. A policy that issued invoices
          used cannot be deleted: give it a last day instead.
        </ConfirmModal>
      )}
    </Stack>
  );
}

/** Asks the API which policy an invoice of a branch on a day would use. */
function EffectiveChecker({ branches }: { branches: Branch[] }) {
  const [branchId, setBranchId] = useState<string | null>(null);
  const [date, setDate] = useState(todayIso());
  const effective = useEffectiveTaxPolicy(branchId, date || undefined);
  return (
    <Group align="flex-end" mt="md" gap="sm">
      <Select
        label="An invoice of"
        placeholder="Organization-wide"
        data={branches.map((branch) => ({ value: branch.id, label: branch.name }))}
        value={branchId}
        onChange={setBranchId}
        clearable
        w={240}
      />
      <TextInput
        label="Dated"
        type="date"
        value={date}
        onChange={(event) => setDate(event.currentTarget.value)}
        w={170}
      />
      <Text size="sm" aria-live="polite" pb={6}>
        {effective.isPending ? (
          'Looking…'
        ) : effective.isError ? (
          <Anchor component="span" c="red">
            {effective.error.message}
          </Anchor>
        ) : effective.data ? (
          <>
            uses <b>{effective.data.name}</b>
            {effective.data.branchId ? '' : ' (organization-wide)'}.
          </>
        ) : (
          'has no tax policy: it cannot be priced.'
        )}
      </Text>
    </Group>
  );
}
