import { Alert, Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formProblemOf, problemOf } from '../../../api/problems';
import { fetchInvoicePdf, type Invoice, useSendInvoice } from '../../../api/use-invoices';
import { ConfirmModal } from '../../../components/confirm-modal';
import { saveFile } from '../../../components/save-file';
import { useFormat } from '../../../i18n/use-locale';

/**
 * The invoice as a document: its PDF (made by the API on request; a draft's says DRAFT),
 * printing the page (a print stylesheet keeps the invoice only), and emailing it with the
 * PDF to the bill-to address.
 */
export function InvoiceDocumentActions({
  invoice,
  maySend,
  printable = true,
}: {
  invoice: Invoice;
  maySend: boolean;
  /** Offer Print (the invoice's read view prints as the invoice; an editor would not). */
  printable?: boolean;
}) {
  const send = useSendInvoice();
  const { t } = useTranslation();
  const [downloading, setDownloading] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const sendable = invoice.status === 'issued' || invoice.status === 'paid';
  const address = invoice.billTo?.email ?? null;
  const problem = formProblemOf(send.error);

  async function download() {
    setDownloading(true);
    try {
      const { blob, fileName } = await fetchInvoicePdf(invoice.id);
      saveFile(blob, fileName);
    } catch (error) {
      notifications.show({
        color: 'red',
        title: t('invoiceDocument.pdfFailed'),
        message: problemOf(error)?.message ?? t('common.somethingWentWrong'),
      });
    } finally {
      setDownloading(false);
    }
  }

  function sendNow() {
    send.mutate(invoice.id, {
      onSuccess: ({ email, sentTo }) => {
        setConfirming(false);
        notifications.show(
          email === 'sent'
            ? { color: 'teal', message: t('invoiceDocument.emailed', { number: invoice.displayNumber, to: sentTo }) }
            : email === 'queued'
              ? {
                  color: 'yellow',
                  autoClose: 10_000,
                  title: t('invoiceDocument.queuedTitle'),
                  message: t('invoiceDocument.queued', { to: sentTo }),
                }
              : {
                  color: 'red',
                  autoClose: false,
                  title: t('invoiceDocument.failedTitle'),
                  message: t('invoiceDocument.failed', { to: sentTo }),
                },
        );
      },
      onError: () => setConfirming(false),
    });
  }

  return (
    <>
      <Group gap="xs" data-print="hide" role="group" aria-label={t('invoiceDocument.group')}>
        <Button variant="default" loading={downloading} onClick={() => void download()}>
          {invoice.status === 'draft' ? t('invoiceDocument.downloadDraft') : t('invoiceDocument.download')}
        </Button>
        {printable && (
          <Button variant="default" onClick={() => window.print()}>
            {t('invoiceDocument.print')}
          </Button>
        )}
        {maySend && sendable && (
          <Button variant="light" disabled={!address} onClick={() => setConfirming(true)}>
            {t('invoiceDocument.send')}
          </Button>
        )}
      </Group>
      {maySend && sendable && !address && (
        <Text size="sm" c="dimmed" data-print="hide">
          {invoice.deidentified ? t('invoiceDocument.erased') : t('invoiceDocument.noEmail')}
        </Text>
      )}
      {problem && (
        <Alert color="red" role="alert" title={t('invoiceDocument.notSent')} data-print="hide">
          {problem.message}
        </Alert>
      )}
      <ConfirmModal
        opened={confirming}
        title={t('invoiceDocument.confirmTitle', { number: invoice.displayNumber })}
        confirmLabel={t('invoiceDocument.confirm')}
        confirmColor="blue"
        busy={send.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={sendNow}
      >
        {t('invoiceDocument.confirmText', { to: address })}
      </ConfirmModal>
    </>
  );
}

/** Where and when the invoice was last emailed, and what the mail server did with it. */
export function InvoiceEmailed({ invoice }: { invoice: Invoice }) {
  const { t } = useTranslation();
  const { formatDateTime } = useFormat();
  if (!invoice.emailedAt) return null;
  const to = invoice.billTo?.email ?? t('invoiceDocument.theBillTo');
  const outcome =
    invoice.emailDelivery === 'queued'
      ? t('invoiceDocument.emailedQueued')
      : invoice.emailDelivery === 'failed'
        ? t('invoiceDocument.emailedFailed')
        : '';
  return (
    <Text size="sm" c={invoice.emailDelivery === 'failed' ? 'red' : 'dimmed'} data-print="hide" role="status">
      {t('invoiceDocument.emailedOn', { to, when: formatDateTime(invoice.emailedAt) })}
      {outcome}
    </Text>
  );
}
