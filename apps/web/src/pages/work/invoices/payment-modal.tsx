import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { formProblemOf } from '../../../api/problems';
import { type Invoice, type PaymentInput, useRecordPayment } from '../../../api/use-invoices';
import { applyFieldErrors, type FieldMap, sentenceRule, useFirstErrorFocus } from '../../../forms/form-errors';
import { todayIso } from '../dates';
import { formatMoney, minorToDecimal, parseMoney } from '../money';
import { PAYMENT_METHOD_LABELS } from '../work-labels';

interface PaymentValues {
  amount: string;
  paidOn: string;
  method: PaymentInput['method'];
  reference: string;
}

const FIELDS: FieldMap = {
  amountMinor: { label: 'Amount', path: 'amount' },
  paidOn: { label: 'Paid on' },
  method: { label: 'Method' },
  reference: { label: 'Reference' },
};

/** Records money received against an issued invoice; reaching the total marks it paid. */
export function PaymentModal({ invoice, onClose }: { invoice: Invoice; onClose: () => void }) {
  const record = useRecordPayment();
  const { ref, focusFirstError } = useFirstErrorFocus();
  const [elsewhere, setElsewhere] = useState<string[]>([]);
  const form = useForm<PaymentValues>({
    initialValues: {
      amount: minorToDecimal(invoice.balanceMinor, invoice.currency),
      paidOn: todayIso(),
      method: 'bank_transfer',
      reference: '',
    },
    validate: {
      amount: sentenceRule((amount: string) => {
        const parsed = parseMoney(amount, invoice.currency);
        if (!parsed.ok) return parsed.error;
        if (parsed.value === 0) return 'The amount must be above 0';
        if (parsed.value > invoice.balanceMinor) {
          return `At most the balance, ${formatMoney(invoice.balanceMinor, invoice.currency)}`;
        }
        return null;
      }),
      paidOn: sentenceRule((paidOn: string) => (paidOn ? null : 'Give the day it was paid')),
    },
  });

  const submit = form.onSubmit(
    (values) => {
      const parsed = parseMoney(values.amount, invoice.currency);
      if (!parsed.ok) return;
      setElsewhere([]);
      record.mutate(
        {
          id: invoice.id,
          amountMinor: parsed.value,
          paidOn: values.paidOn,
          method: values.method,
          reference: values.reference.trim() || undefined,
        },
        {
          // The page shows the payment, the new balance and the status at once: no toast on top of it.
          onSuccess: onClose,
          onError: (error) => {
            setElsewhere(applyFieldErrors(form, error, FIELDS));
            focusFirstError();
          },
        },
      );
    },
    () => focusFirstError(),
  );

  const problem = formProblemOf(record.error);
  return (
    <Modal opened onClose={onClose} title={`Record a payment for ${invoice.displayNumber}`} centered>
      <form ref={ref} onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            Balance: {formatMoney(invoice.balanceMinor, invoice.currency)} of{' '}
            {formatMoney(invoice.totalMinor, invoice.currency)}.
          </Text>
          {problem && (
            <Alert color="red" role="alert" title={problem.problem.title}>
              {problem.message}
            </Alert>
          )}
          {elsewhere.length > 0 && (
            <Alert color="red" role="alert" title="The payment was not recorded">
              {elsewhere.join(' ')}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput
              label={`Amount (${invoice.currency})`}
              inputMode="decimal"
              required
              {...form.getInputProps('amount')}
            />
            <TextInput label="Paid on" type="date" required max={todayIso()} {...form.getInputProps('paidOn')} />
          </SimpleGrid>
          <Select
            label="Method"
            data={Object.entries(PAYMENT_METHOD_LABELS).map(([value, label]) => ({ value, label }))}
            allowDeselect={false}
            {...form.getInputProps('method')}
          />
          <TextInput
            label="Reference"
            description="A bank or card reference; never a full account or card number."
            maxLength={120}
            {...form.getInputProps('reference')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={record.isPending}>
              Record payment
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
