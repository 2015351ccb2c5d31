import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { fieldErrorsOf, formProblemOf } from '../../../api/problems';
import { useBranches } from '../../../api/use-branches';
import {
  fetchTaxPolicy,
  type TaxPolicy,
  type TaxRate,
  useCreateTaxPolicy,
  useUpdateTaxPolicy,
} from '../../../api/use-tax-policies';
import { todayIso } from '../dates';
import { formatPercent, parsePercent } from '../money';
import { PRICING_LABELS } from '../work-labels';

const ORGANIZATION = 'organization';

interface RateRow {
  key: number;
  code: string;
  name: string;
  percent: string;
}

interface PolicyForm {
  name: string;
  scope: string;
  pricing: 'exclusive' | 'inclusive';
  effectiveFrom: string;
  effectiveTo: string;
  rates: RateRow[];
}

let nextKey = 1;
const rowOf = (rate?: TaxRate): RateRow => ({
  key: nextKey++,
  code: rate?.code ?? '',
  name: rate?.name ?? '',
  percent: rate ? formatPercent(rate.basisPoints) : '',
});

const formOf = (policy: TaxPolicy | null): PolicyForm => ({
  name: policy?.name ?? '',
  scope: policy?.branchId ?? ORGANIZATION,
  pricing: (policy?.pricing as PolicyForm['pricing']) ?? 'exclusive',
  effectiveFrom: policy?.effectiveFrom ?? todayIso(),
  effectiveTo: policy?.effectiveTo ?? '',
  rates: policy?.rates.length
    ? policy.rates.map(rowOf)
    : [rowOf({ code: 'STD', name: 'Standard rate', basisPoints: 2000 })],
});

/** Adds a tax policy or changes one: its scope, how prices are read, its days and its rates. */
export function TaxPolicyModal({ policy, onClose }: { policy: TaxPolicy | null; onClose: () => void }) {
  const branches = useBranches();
  const create = useCreateTaxPolicy();
  const update = useUpdateTaxPolicy();
  const mutation = policy ? update : create;
  const [form, setForm] = useState<PolicyForm>(() => formOf(policy));
  const [version, setVersion] = useState(policy?.version);
  const [own, setOwn] = useState<Record<string, string>>({});
  const [reloading, setReloading] = useState(false);
  const set = <Key extends keyof PolicyForm>(key: Key, value: PolicyForm[Key]) =>
    setForm((current) => ({ ...current, [key]: value }));
  const setRate = (key: number, change: Partial<RateRow>) =>
    set(
      'rates',
      form.rates.map((row) => (row.key === key ? { ...row, ...change } : row)),
    );

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!form.name.trim()) problems.name = 'Name the policy, e.g. UK VAT 2026';
    if (!form.effectiveFrom) problems.effectiveFrom = 'Choose the first day it applies';
    if (form.effectiveTo && form.effectiveFrom && form.effectiveTo < form.effectiveFrom) {
      problems.effectiveTo = 'The last day cannot be before the first';
    }
    const rates: TaxRate[] = [];
    form.rates.forEach((row, index) => {
      const percent = parsePercent(row.percent);
      const code = row.code.trim().toUpperCase();
      if (!/^[A-Z0-9_]{1,12}$/.test(code))
        problems[`rates.${index}.code`] = 'Letters, digits or _ (up to 12), e.g. STD';
      else if (rates.some((rate) => rate.code === code)) problems[`rates.${index}.code`] = 'Each code only once';
      if (!row.name.trim()) problems[`rates.${index}.name`] = 'Name the rate';
      if (!percent.ok) problems[`rates.${index}.basisPoints`] = percent.error;
      rates.push({ code, name: row.name.trim(), basisPoints: percent.ok ? percent.value : 0 });
    });
    if (!form.rates.length) problems.rates = 'A policy needs at least one rate';
    setOwn(problems);
    if (Object.keys(problems).length) return;

    const values = {
      name: form.name.trim(),
      branchId: form.scope === ORGANIZATION ? null : form.scope,
      pricing: form.pricing,
      rates,
      effectiveFrom: form.effectiveFrom,
      effectiveTo: form.effectiveTo || null,
    };
    const done = {
      onSuccess: (saved: TaxPolicy) => {
        notifications.show({ color: 'teal', message: `Tax policy “${saved.name}” saved.` });
        onClose();
      },
    };
    if (!policy) {
      create.mutate(values, done);
      return;
    }
    // Only what changed: the activity log names the fields, and a policy used by issued invoices keeps its rates.
    const original = {
      name: policy.name,
      branchId: policy.branchId,
      pricing: policy.pricing,
      rates: policy.rates.map(({ code, name, basisPoints }) => ({ code, name, basisPoints })),
      effectiveFrom: policy.effectiveFrom,
      effectiveTo: policy.effectiveTo,
    };
    const changes = Object.fromEntries(
      Object.entries(values).filter(
        ([key, value]) => JSON.stringify(value) !== JSON.stringify(original[key as keyof typeof original]),
      ),
    );
    update.mutate({ id: policy.id, version: version ?? policy.version, ...changes }, done);
  }

  async function reload() {
    if (!policy) return;
    setReloading(true);
    try {
      const fresh = await fetchTaxPolicy(policy.id);
      setForm(formOf(fresh));
      setVersion(fresh.version);
      update.reset();
    } finally {
      setReloading(false);
    }
  }

  const errors = { ...fieldErrorsOf(mutation.error), ...own };
  const problem = formProblemOf(mutation.error);
  const scopeOptions = [
    { value: ORGANIZATION, label: 'Whole organization' },
    ...(branches.data?.items ?? []).map((branch) => ({ value: branch.id, label: branch.name })),
  ];

  return (
    <Modal opened onClose={onClose} title={policy ? `Edit “${policy.name}”` : 'New tax policy'} size="xl" centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          {problem && (
            <Alert color={problem.problem.status === 409 ? 'yellow' : 'red'} role="alert" title="Not saved">
              <Stack gap="xs">
                <Text size="sm">{problem.message}</Text>
                {policy && problem.problem.status === 409 && (
                  <Button size="xs" variant="light" w="fit-content" loading={reloading} onClick={() => void reload()}>
                    Reload the policy
                  </Button>
                )}
              </Stack>
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Name"
              placeholder="UK VAT 2026"
              required
              maxLength={120}
              value={form.name}
              onChange={(event) => set('name', event.currentTarget.value)}
              error={errors.name}
            />
            <Select
              label="Applies to"
              description="A branch’s own policy wins over the organization’s."
              data={scopeOptions}
              value={form.scope}
              onChange={(value) => value && set('scope', value)}
              allowDeselect={false}
              error={errors.branchId}
            />
            <TextInput
              label="First day"
              type="date"
              required
              value={form.effectiveFrom}
              onChange={(event) => set('effectiveFrom', event.currentTarget.value)}
              error={errors.effectiveFrom}
            />
            <TextInput
              label="Last day"
              type="date"
              description="Leave empty while it has no end."
              value={form.effectiveTo}
              min={form.effectiveFrom || undefined}
              onChange={(event) => set('effectiveTo', event.currentTarget.value)}
              error={errors.effectiveTo}
            />
          </SimpleGrid>
          <div>
            <Text size="sm" fw={500} mb={4} id="pricing-label">
              Prices on invoices
            </Text>
            <SegmentedControl
              aria-labelledby="pricing-label"
              data={[
                { value: 'exclusive', label: 'Exclude tax' },
                { value: 'inclusive', label: 'Include tax' },
              ]}
              value={form.pricing}
              onChange={(value) => set('pricing', value as PolicyForm['pricing'])}
            />
            <Text size="xs" c="dimmed" mt={4}>
              {PRICING_LABELS[form.pricing].explanation}
            </Text>
          </div>
          <div>
            <Text size="sm" fw={500}>
              Rates
            </Text>
            <Text size="xs" c="dimmed" mb={4}>
              Invoice lines name a rate by its code. Percentages take up to two decimals (5.5 %).
            </Text>
            <Table aria-label="Rates" verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={140}>Code</Table.Th>
                  <Table.Th>Name</Table.Th>
                  <Table.Th w={130}>Percent</Table.Th>
                  <Table.Th w={40} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {form.rates.map((row, index) => (
                  <Table.Tr key={row.key}>
                    <Table.Td>
                      <TextInput
                        aria-label={`Code of rate ${index + 1}`}
                        value={row.code}
                        maxLength={12}
                        onChange={(event) => setRate(row.key, { code: event.currentTarget.value.toUpperCase() })}
                        error={errors[`rates.${index}.code`]}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        aria-label={`Name of rate ${index + 1}`}
                        value={row.name}
                        maxLength={60}
                        onChange={(event) => setRate(row.key, { name: event.currentTarget.value })}
                        error={errors[`rates.${index}.name`]}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        aria-label={`Percent of rate ${index + 1}`}
                        inputMode="decimal"
                        rightSection={<Text size="sm">%</Text>}
                        value={row.percent}
                        onChange={(event) => setRate(row.key, { percent: event.currentTarget.value })}
                        error={errors[`rates.${index}.basisPoints`]}
                      />
                    </Table.Td>
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`Remove rate ${index + 1}`}
                        disabled={form.rates.length === 1}
                        onClick={() =>
                          set(
                            'rates',
                            form.rates.filter((candidate) => candidate.key !== row.key),
                          )
                        }
                      >
                        <span aria-hidden>✕</span>
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {errors.rates && (
              <Text size="sm" c="red">
                {errors.rates}
              </Text>
            )}
            <Button
              variant="light"
              size="xs"
              mt="xs"
              onClick={() => set('rates', [...form.rates, rowOf()])}
              disabled={form.rates.length >= 20}
            >
              Add rate
            </Button>
          </div>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {policy ? 'Save policy' : 'Add policy'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
