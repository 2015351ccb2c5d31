import { Alert, Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { formProblemOf, problemOf } from '../../../api/problems';
import { fetchInvoicePdf, type Invoice, useSendInvoice } from '../../../api/use-invoices';
import { ConfirmModal } from '../../../components/confirm-modal';
import { saveFile } from '../../../components/save-file';
import { formatDateTime } from '../dates';

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
        title: 'The PDF could not be made',
        message: problemOf(error)?.message ?? 'Something went wrong; try again.',
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
            ? { color: 'teal', message: `${invoice.displayNumber} was emailed to ${sentTo}.` }
            : email === 'queued'
              ? {
                  color: 'yellow',
                  autoClose: 10_000,
                  title: 'The email is on its way',
                  message: `The mail server did not answer, so the email to ${sentTo} waits and is tried again.`,
                }
              : {
                  color: 'red',
                  autoClose: false,
                  title: 'The email was not sent',
                  message: `The mail server refused the email to ${sentTo}. Check the address on the client.`,
                },
        );
      },
      onError: () => setConfirming(false),
    });
  }

  return (
    <>
      <Group gap="xs" data-print="hide" role="group" aria-label="Invoice document">
        <Button variant="default" loading={downloading} onClick={() => void download()}>
          {invoice.status === 'draft' ? 'Download draft PDF' : 'Download PDF'}
        </Button>
        {printable && (
          <Button variant="default" onClick={() => window.print()}>
            Print
          </Button>
        )}
        {maySend && sendable && (
          <Button variant="light" disabled={!address} onClick={() => setConfirming(true)}>
            Send by email
          </Button>
        )}
      </Group>
      {maySend && sendable && !address && (
        <Text size="sm" c="dimmed" data-print="hide">
          {invoice.deidentified
            ? 'The bill-to details were erased, so the invoice cannot be emailed.'
            : 'The bill-to copy has no email address: download the PDF and send it another way.'}
        </Text>
      )}
      {problem && (
        <Alert color="red" role="alert" title="The invoice was not sent" data-print="hide">
          {problem.message}
        </Alert>
      )}
      <ConfirmModal
        opened={confirming}
        title={`Email ${invoice.displayNumber}?`}
        confirmLabel="Send email"
        confirmColor="blue"
        busy={send.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={sendNow}
      >
        The invoice goes to {address} with its PDF attached.
      </ConfirmModal>
    </>
  );
}

/** Where and when the invoice was last emailed, and what the mail server did with it. */
export function InvoiceEmailed({ invoice }: { invoice: Invoice }) {
  if (!invoice.emailedAt) return null;
  const to = invoice.billTo?.email ?? 'the bill-to address';
  const outcome =
    invoice.emailDelivery === 'queued'
      ? ' The mail server did not answer at the time; the email is tried again.'
      : invoice.emailDelivery === 'failed'
        ? ' The mail server refused it.'
        : '';
  return (
    <Text size="sm" c={invoice.emailDelivery === 'failed' ? 'red' : 'dimmed'} data-print="hide" role="status">
      Emailed to {to} on {formatDateTime(invoice.emailedAt)}.{outcome}
    </Text>
  );
}
