import { Button, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { problemOf } from '../../../api/problems';
import { useInvoice } from '../../../api/use-invoices';
import { usePermissions } from '../../../auth/use-permissions';
import { usePageTitle } from '../../../layout/page-title';
import { InvoiceEditor } from './invoice-editor';
import { IssuedInvoice } from './issued-invoice';

/** /invoices/new opens the editor on a new draft. */
export function NewInvoicePage() {
  const [params] = useSearchParams();
  return <InvoiceEditor invoice={null} initialClientId={params.get('clientId')} jobId={params.get('jobId')} />;
}

/** /invoices/:id: a draft opens in the editor (for those who may write), anything else reads as issued. */
export function InvoicePage() {
  const { id } = useParams();
  const { can } = usePermissions();
  const invoice = useInvoice(id);
  const { t } = useTranslation();
  usePageTitle(invoice.data ? t('invoice.pageTitle', { number: invoice.data.displayNumber }) : t('invoice.title'));
  if (invoice.isPending) {
    return (
      <Center h={200}>
        <Loader aria-label={t('invoice.loading')} />
      </Center>
    );
  }
  if (invoice.isError) {
    const notFound = problemOf(invoice.error)?.problem.status === 404;
    return (
      <Stack maw={600}>
        <Title order={1}>{notFound ? t('invoice.notFound') : t('invoice.loadFailed')}</Title>
        <Text c="dimmed">{notFound ? t('invoice.notFoundText') : invoice.error.message}</Text>
        <Button component={Link} to="/invoices" variant="light" w="fit-content">
          {t('invoice.backToInvoices')}
        </Button>
      </Stack>
    );
  }
  if (invoice.data.status === 'draft' && can('invoices:write')) {
    return <InvoiceEditor key={invoice.data.id} invoice={invoice.data} jobId={invoice.data.jobId} />;
  }
  return <IssuedInvoice invoice={invoice.data} />;
}
