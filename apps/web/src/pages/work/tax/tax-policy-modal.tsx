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
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { formProblemOf } from '../../../api/problems';
import { useBranches } from '../../../api/use-branches';
import {
  fetchTaxPolicy,
  type TaxPolicy,
  type TaxRate,
  useCreateTaxPolicy,
  useUpdateTaxPolicy,
} from '../../../api/use-tax-policies';
import { applyFieldErrors, type FieldMap, sentenceRule, useFirstErrorFocus } from '../../../forms/form-errors';
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

/** The API's names of the policy's fields, on the form's fields (rates by their row). */
function fieldsFor(rateCount: number): FieldMap {
  const fields: FieldMap = {
    name: { label: 'Name' },
    branchId: { label: 'Applies to', path: 'scope' },
    pricing: { label: 'Prices on invoices' },
    effectiveFrom: { label: 'First day' },
    effectiveTo: { label: 'Last day' },
    rates: { label: 'Rates' },
  };
  for (let index = 0; index < rateCount; index++) {
    fields[`rates.${index}.code`] = { label: `Code of rate ${index + 1}` };
    fields[`rates.${index}.name`] = { label: `Name of rate ${index + 1}` };
    fields[`rates.${index}.basisPoints`] = { label: `Percent of rate ${index + 1}`, path: `rates.${index}.percent` };
  }
  return fields;
}

const codeOf = (row: RateRow) => row.code.trim().toUpperCase();

/** Adds a tax policy or changes one: its scope, how prices are read, its days and its rates. */
export function TaxPolicyModal({ policy, onClose }: { policy: TaxPolicy | null; onClose: () => void }) {
  const branches = useBranches();
  const create = useCreateTaxPolicy();
  const update = useUpdateTaxPolicy();
  const mutation = policy ? update : create;
  const form = useForm<PolicyForm>({
    initialValues: formOf(policy),
    validate: {
      name: (name) => (name.trim() ? null : 'Name the policy, such as UK VAT 2026.'),
      effectiveFrom: (from) => (from ? null : 'Choose the first day it applies.'),
      effectiveTo: (to, values) =>
        to && values.effectiveFrom && to < values.effectiveFrom ? 'The last day cannot be before the first.' : null,
      rates: {
        code: (_code, values, path) => {
          const index = Number(path.split('.')[1]);
          const code = codeOf(values.rates[index]);
          if (!/^[A-Z0-9_]{1,12}$/.test(code)) return 'Use letters, digits or _ (up to 12), such as STD.';
          return values.rates.slice(0, index).some((row) => codeOf(row) === code) ? 'Use each code only once.' : null;
        },
        name: (name) => (name.trim() ? null : 'Name the rate.'),
        percent: sentenceRule((percent: string) => {
          const parsed = parsePercent(percent);
          return parsed.ok ? null : parsed.error;
        }),
      },
    },
  });
  const { ref, focusFirstError } = useFirstErrorFocus();
  const [elsewhere, setElsewhere] = useState<string[]>([]);
  const [version, setVersion] = useState(policy?.version);
  const [reloading, setReloading] = useState(false);
  const values = form.values;

  const submit = form.onSubmit((draft) => {
    setElsewhere([]);
    const rates: TaxRate[] = draft.rates.map((row) => {
      const percent = parsePercent(row.percent);
      return { code: codeOf(row), name: row.name.trim(), basisPoints: percent.ok ? percent.value : 0 };
    });

    const sent = {
      name: draft.name.trim(),
      branchId: draft.scope === ORGANIZATION ? null : draft.scope,
      pricing: draft.pricing,
      rates,
      effectiveFrom: draft.effectiveFrom,
      effectiveTo: draft.effectiveTo || null,
    };
    const done = {
      onSuccess: (saved: TaxPolicy) => {
        notifications.show({ color: 'teal', message: `Tax policy “${saved.name}” saved.` });
        onClose();
      },
      onError: refused,
    };
    if (!policy) {
      create.mutate(sent, done);
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
      Object.entries(sent).filter(
        ([key, value]) => JSON.stringify(value) !== JSON.stringify(original[key as keyof typeof original]),
      ),
    );
    update.mutate({ id: policy.id, version: version ?? policy.version, ...changes }, done);
  }, focusFirstError);

  function refused(error: unknown) {
    setElsewhere(applyFieldErrors(form, error, fieldsFor(form.getValues().rates.length)));
    focusFirstError();
  }

  async function reload() {
    if (!policy) return;
    setReloading(true);
    try {
      const fresh = await fetchTaxPolicy(policy.id);
      form.setValues(formOf(fresh));
      form.clearErrors();
      setVersion(fresh.version);
      update.reset();
    } finally {
      setReloading(false);
    }
  }

  const errors = form.errors as Record<string, string | undefined>;
  const problem = formProblemOf(mutation.error);
  const scopeOptions = [
    { value: ORGANIZATION, label: 'Whole organization' },
    ...(branches.data?.items ?? []).map((branch) => ({ value: branch.id, label: branch.name })),
  ];

  return (
    <Modal opened onClose={onClose} title={policy ? `Edit “${policy.name}”` : 'New tax policy'} size="xl" centered>
      <form ref={ref} onSubmit={submit} noValidate aria-label={policy ? `Edit “${policy.name}”` : 'New tax policy'}>
        <Stack>
          {!problem && elsewhere.length > 0 && (
            <Alert color="red" role="alert" title="Not saved">
              {elsewhere.join(' ')}
            </Alert>
          )}
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
              {...form.getInputProps('name')}
            />
            <Select
              label="Applies to"
              description="A branch’s own policy wins over the organization’s."
              data={scopeOptions}
              allowDeselect={false}
              {...form.getInputProps('scope')}
            />
            <TextInput label="First day" type="date" required {...form.getInputProps('effectiveFrom')} />
            <TextInput
              label="Last day"
              type="date"
              description="Leave empty while it has no end."
              min={values.effectiveFrom || undefined}
              {...form.getInputProps('effectiveTo')}
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
              value={values.pricing}
              onChange={(value) => form.setFieldValue('pricing', value as PolicyForm['pricing'])}
            />
            <Text size="xs" c="dimmed" mt={4}>
              {PRICING_LABELS[values.pricing].explanation}
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
                {values.rates.map((row, index) => (
                  <Table.Tr key={row.key}>
                    <Table.Td>
                      <TextInput
                        aria-label={`Code of rate ${index + 1}`}
                        maxLength={12}
                        {...form.getInputProps(`rates.${index}.code`)}
                        onChange={(event) =>
                          form.setFieldValue(`rates.${index}.code`, event.currentTarget.value.toUpperCase())
                        }
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        aria-label={`Name of rate ${index + 1}`}
                        maxLength={60}
                        {...form.getInputProps(`rates.${index}.name`)}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        aria-label={`Percent of rate ${index + 1}`}
                        inputMode="decimal"
                        rightSection={<Text size="sm">%</Text>}
                        {...form.getInputProps(`rates.${index}.percent`)}
                      />
                    </Table.Td>
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`Remove rate ${index + 1}`}
                        disabled={values.rates.length === 1}
                        onClick={() => form.removeListItem('rates', index)}
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
              onClick={() => form.insertListItem('rates', rowOf())}
              disabled={values.rates.length >= 20}
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
