import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { fieldErrorsOf, formProblemOf } from '../../../api/problems';
import { type Invoice, type PaymentInput, useRecordPayment } from '../../../api/use-invoices';
import { todayIso } from '../dates';
import { formatMoney, minorToDecimal, parseMoney } from '../money';
import { PAYMENT_METHOD_LABELS } from '../work-labels';

/** Records money received against an issued invoice; reaching the total marks it paid. */
export function PaymentModal({ invoice, onClose }: { invoice: Invoice; onClose: () => void }) {
  const record = useRecordPayment();
  const [amount, setAmount] = useState(minorToDecimal(invoice.balanceMinor, invoice.currency));
  const [paidOn, setPaidOn] = useState(todayIso());
  const [method, setMethod] = useState<PaymentInput['method']>('bank_transfer');
  const [reference, setReference] = useState('');
  const [own, setOwn] = useState<Record<string, string>>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = parseMoney(amount, invoice.currency);
    const problems: Record<string, string> = {};
    if (!parsed.ok) problems.amountMinor = parsed.error;
    else if (parsed.value === 0) problems.amountMinor = 'The amount must be above 0';
    else if (parsed.value > invoice.balanceMinor) {
      problems.amountMinor = `At most the balance, ${formatMoney(invoice.balanceMinor, invoice.currency)}`;
    }
    if (!paidOn) problems.paidOn = 'When was it paid?';
    setOwn(problems);
    if (Object.keys(problems).length || !parsed.ok) return;
    record.mutate(
      { id: invoice.id, amountMinor: parsed.value, paidOn, method, reference: reference.trim() || undefined },
      {
        // The page shows the payment, the new balance and the status at once: no toast on top of it.
        onSuccess: () => {
          onClose();
        },
      },
    );
  }

  const errors = { ...fieldErrorsOf(record.error), ...own };
  const problem = formProblemOf(record.error);
  return (
    <Modal opened onClose={onClose} title={`Record a payment for ${invoice.displayNumber}`} centered>
      <form onSubmit={submit} noValidate>
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
          <SimpleGrid cols={2}>
            <TextInput
              label={`Amount (${invoice.currency})`}
              inputMode="decimal"
              required
              value={amount}
              onChange={(event) => setAmount(event.currentTarget.value)}
              error={errors.amountMinor}
            />
            <TextInput
              label="Paid on"
              type="date"
              required
              max={todayIso()}
              value={paidOn}
              onChange={(event) => setPaidOn(event.currentTarget.value)}
              error={errors.paidOn}
            />
          </SimpleGrid>
          <Select
            label="Method"
            data={Object.entries(PAYMENT_METHOD_LABELS).map(([value, label]) => ({ value, label }))}
            value={method}
            onChange={(value) => value && setMethod(value as PaymentInput['method'])}
            allowDeselect={false}
            error={errors.method}
          />
          <TextInput
            label="Reference"
            description="A bank or card reference; never a full account or card number."
            maxLength={120}
            value={reference}
            onChange={(event) => setReference(event.currentTarget.value)}
            error={errors.reference}
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
