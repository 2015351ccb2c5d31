import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formProblemOf } from '../../../api/problems';
import { type Invoice, type PaymentInput, useRecordPayment } from '../../../api/use-invoices';
import { applyFieldErrors, type FieldMap, sentenceRule, useFirstErrorFocus } from '../../../forms/form-errors';
import { i18n } from '../../../i18n/i18n';
import { useFormat } from '../../../i18n/use-locale';
import { todayIso } from '../dates';
import { minorToDecimal, parseMoney } from '../money';
import { PAYMENT_METHOD_LABELS } from '../work-labels';

interface PaymentValues {
  amount: string;
  paidOn: string;
  method: PaymentInput['method'];
  reference: string;
}

/** The API's fields of a payment as the form labels them, in the reader's language. */
const fields = (): FieldMap => ({
  amountMinor: { label: i18n.t('payment.amount'), path: 'amount' },
  paidOn: { label: i18n.t('payment.paidOn') },
  method: { label: i18n.t('payment.method') },
  reference: { label: i18n.t('payment.reference') },
});

/** Records money received against an issued invoice; reaching the total marks it paid. */
export function PaymentModal({ invoice, onClose }: { invoice: Invoice; onClose: () => void }) {
  const record = useRecordPayment();
  const { t } = useTranslation();
  const { formatMoney } = useFormat();
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
        if (parsed.value === 0) return t('payment.aboveZero');
        if (parsed.value > invoice.balanceMinor) {
          return t('payment.atMost', { balance: formatMoney(invoice.balanceMinor, invoice.currency) });
        }
        return null;
      }),
      paidOn: sentenceRule((paidOn: string) => (paidOn ? null : t('payment.dayMissing'))),
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
            setElsewhere(applyFieldErrors(form, error, fields()));
            focusFirstError();
          },
        },
      );
    },
    () => focusFirstError(),
  );

  const problem = formProblemOf(record.error);
  return (
    <Modal opened onClose={onClose} title={t('payment.title', { number: invoice.displayNumber })} centered>
      <form ref={ref} onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('payment.balance', {
              balance: formatMoney(invoice.balanceMinor, invoice.currency),
              total: formatMoney(invoice.totalMinor, invoice.currency),
            })}
          </Text>
          {problem && (
            <Alert color="red" role="alert" title={problem.problem.title}>
              {problem.message}
            </Alert>
          )}
          {elsewhere.length > 0 && (
            <Alert color="red" role="alert" title={t('payment.notRecorded')}>
              {elsewhere.join(' ')}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput
              label={t('payment.amountIn', { currency: invoice.currency })}
              inputMode="decimal"
              required
              {...form.getInputProps('amount')}
            />
            <TextInput
              label={t('payment.paidOn')}
              type="date"
              required
              max={todayIso()}
              {...form.getInputProps('paidOn')}
            />
          </SimpleGrid>
          <Select
            label={t('payment.method')}
            data={Object.keys(PAYMENT_METHOD_LABELS).map((value) => ({ value, label: PAYMENT_METHOD_LABELS[value] }))}
            allowDeselect={false}
            {...form.getInputProps('method')}
          />
          <TextInput
            label={t('payment.reference')}
            description={t('payment.referenceHint')}
            maxLength={120}
            {...form.getInputProps('reference')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={record.isPending}>
              {t('payment.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
