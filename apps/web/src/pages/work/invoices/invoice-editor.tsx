import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { fieldErrorsOf, formProblemOf, problemOf } from '../../../api/problems';
import { useClientSummary } from '../../../api/use-client-lookup';
import {
  type Invoice,
  type InvoiceLine,
  type QuoteRequest,
  useCreateInvoice,
  useDeleteInvoice,
  useInvoice,
  useInvoiceActivity,
  useInvoiceQuote,
  useIssueInvoice,
  useUpdateInvoice,
} from '../../../api/use-invoices';
import { useJob } from '../../../api/use-jobs';
import { useEffectiveTaxPolicy } from '../../../api/use-tax-policies';
import { usePermissions } from '../../../auth/use-permissions';
import { ConfirmModal } from '../../../components/confirm-modal';
import { formatIsoDate, todayIso } from '../dates';
import { COMMON_CURRENCIES, formatMoney, formatPercent } from '../money';
import { ActivityLog } from '../shared/activity-log';
import { ClientPicker } from '../shared/client-picker';
import { jobNumber, PRICING_LABELS } from '../work-labels';
import { InvoiceDocumentActions } from './invoice-document-actions';
import { canonical, type Draft, draftOf, newRow, normalField, parseRow, type Row } from './invoice-draft';
import { InvoiceTotals } from './invoice-totals';
import { IssueModal } from './issue-invoice-modal';

/**
 * Writes a draft: the client, currency and dates, its lines with live totals priced by the
 * API (/invoices/quote) with the tax policy in effect on the invoice date, then saves or
 * issues it.
 */
export function InvoiceEditor({
  invoice,
  initialClientId = null,
  jobId,
}: {
  invoice: Invoice | null;
  initialClientId?: string | null;
  jobId: string | null;
}) {
  const navigate = useNavigate();
  const { can } = usePermissions();
  const [draft, setDraft] = useState<Draft>(() => draftOf(invoice, initialClientId));
  const [saved, setSaved] = useState(() => canonical(draftOf(invoice, initialClientId)));
  const [touched, setTouched] = useState(false);
  const [clientMissing, setClientMissing] = useState<string | undefined>();
  const [issuing, setIssuing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const client = useClientSummary(draft.clientId);
  const job = useJob(jobId);
  const current = useInvoice(invoice?.id);
  const activity = useInvoiceActivity(invoice?.id);
  const create = useCreateInvoice();
  const update = useUpdateInvoice();
  const issue = useIssueInvoice();
  const remove = useDeleteInvoice();

  const branchId = invoice?.branchId ?? client.data?.branchId;
  const date = draft.issueDate || todayIso();
  const policy = useEffectiveTaxPolicy(branchId ?? undefined, date);
  const rates = policy.data?.rates ?? null;
  const defaultCode = rates?.find((rate) => rate.code === 'STD')?.code ?? rates?.[0]?.code ?? null;
  // New rows (and rows of a new draft) take the policy's usual rate once it is known.
  const rows = draft.rows.map((row) => (row.taxCode === null && defaultCode ? { ...row, taxCode: defaultCode } : row));
  const parsed = rows.map((row) => parseRow(row, draft.currency, rates));

  const quoteLines = parsed.flatMap((row, index) =>
    row.line && !row.errors.taxCode
      ? [{ index, line: { ...row.line, description: row.line.description || `Line ${index + 1}` } }]
      : [],
  );
  const request: QuoteRequest | null =
    branchId && quoteLines.length && /^[A-Z]{3}$/.test(draft.currency)
      ? { branchId, date, currency: draft.currency, lines: quoteLines.map((entry) => entry.line) }
      : null;
  // Debounced by content: a new object each render must not restart the wait.
  const requestKey = request ? JSON.stringify(request) : null;
  const [debouncedKey] = useDebouncedValue(requestKey, 300);
  const debounced = useMemo(() => (debouncedKey ? (JSON.parse(debouncedKey) as QuoteRequest) : null), [debouncedKey]);
  const quote = useInvoiceQuote(debounced);
  const quoteIndex = new Map(quoteLines.map((entry, position) => [entry.index, position]));
  const quoteFresh = debouncedKey === requestKey && !quote.isFetching;

  const set = <Key extends keyof Draft>(key: Key, value: Draft[Key]) =>
    setDraft((before) => ({ ...before, [key]: value }));
  const setRow = (key: number, change: Partial<Row>) =>
    setDraft((before) => ({
      ...before,
      rows: before.rows.map((row) => (row.key === key ? { ...row, ...change } : row)),
    }));

  const mutationError = create.error ?? update.error ?? issue.error;
  const serverErrors = Object.fromEntries(
    Object.entries(fieldErrorsOf(mutationError)).map(([field, message]) => [normalField(field), message]),
  );
  const problem = formProblemOf(mutationError);
  // A 409 on a saved draft: changed meanwhile, issued elsewhere, or no policy any more. Reloading shows which.
  const stale = Boolean(invoice) && problem?.problem.status === 409;
  const dirty = canonical({ ...draft, rows }) !== saved && canonical(draft) !== saved;

  function valid(): boolean {
    setTouched(true);
    setClientMissing(draft.clientId ? undefined : 'Choose who the invoice is for');
    return Boolean(draft.clientId) && parsed.every((row) => Object.keys(row.errors).length === 0) && rows.length > 0;
  }

  const body = () => ({
    currency: draft.currency,
    lines: parsed.map((row) => row.line as InvoiceLine),
    issueDate: draft.issueDate || null,
    dueDate: draft.dueDate || null,
  });

  /** Saves what is on screen; answers the draft as saved, or null when it could not be. */
  async function saveDraft(): Promise<Invoice | null> {
    if (!valid()) return null;
    create.reset();
    update.reset();
    issue.reset();
    try {
      const result = invoice
        ? await update.mutateAsync({ id: invoice.id, version: current.data?.version ?? invoice.version, ...body() })
        : await create.mutateAsync({
            clientId: draft.clientId as string,
            jobId: jobId ?? undefined,
            ...body(),
            issueDate: draft.issueDate || undefined,
            dueDate: draft.dueDate || undefined,
          });
      const fresh = draftOf(result, null);
      setSaved(canonical(fresh));
      setDraft(fresh);
      return result;
    } catch {
      return null;
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await saveDraft();
    if (!result) return;
    notifications.show({ color: 'teal', message: `Draft ${result.displayNumber} saved.` });
    if (!invoice) navigate(`/invoices/${result.id}`, { replace: true });
  }

  async function confirmIssue(dates: { issueDate: string; dueDate: string }) {
    const result = invoice && !dirty ? (current.data ?? invoice) : await saveDraft();
    if (!result) {
      setIssuing(false);
      return;
    }
    try {
      const issued = await issue.mutateAsync({
        id: result.id,
        version: result.version,
        issueDate: dates.issueDate || undefined,
        dueDate: dates.dueDate || undefined,
      });
      // The issued view that opens says it: status, dates and totals.
      setIssuing(false);
      navigate(`/invoices/${issued.id}`, { replace: true });
    } catch {
      setIssuing(false);
    }
  }

  async function reload() {
    const fresh = await current.refetch();
    if (fresh.data) {
      const reloaded = draftOf(fresh.data, null);
      setDraft(reloaded);
      setSaved(canonical(reloaded));
    }
    update.reset();
    issue.reset();
  }

  const rateOptions = (rates ?? []).map((rate) => ({
    value: rate.code,
    label: `${rate.name} (${formatPercent(rate.basisPoints)}%)`,
  }));
  const rateNames = new Map((rates ?? []).map((rate) => [rate.code, rate.name]));
  const pricing = quote.data?.pricing ?? policy.data?.pricing;
  const heading = invoice ? `Draft ${invoice.displayNumber}` : 'New invoice';
  const busy = create.isPending || update.isPending || issue.isPending;
  const currencyOptions = [...new Set([draft.currency, ...COMMON_CURRENCIES])];

  return (
    <Stack maw={1100}>
      <Anchor component={Link} to="/invoices" size="sm">
        ← Invoices
      </Anchor>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{heading}</Title>
          <Group gap="xs" mt={4}>
            <Badge color="gray" variant="light">
              Draft
            </Badge>
            {pricing && (
              <Badge variant="outline" color="cyan" title={PRICING_LABELS[pricing]?.explanation}>
                {PRICING_LABELS[pricing]?.label ?? pricing}
              </Badge>
            )}
            {dirty && invoice && (
              <Text size="xs" c="dimmed">
                Unsaved changes
              </Text>
            )}
          </Group>
        </div>
        {/* The saved draft, marked DRAFT: to check it, or to show it before issuing. */}
        {invoice && <InvoiceDocumentActions invoice={invoice} maySend={false} printable={false} />}
      </Group>

      {stale ? (
        <Alert color="yellow" title="This invoice was not saved" role="alert">
          <Stack gap="xs">
            <Text size="sm">
              {problem?.message}. Reload to see the invoice as it is now; your unsaved changes will be lost.
            </Text>
            <Button size="xs" variant="light" w="fit-content" onClick={() => void reload()}>
              Reload
            </Button>
          </Stack>
        </Alert>
      ) : (
        problem && (
          <Alert color="red" title={problem.problem.title} role="alert">
            {problem.message}
          </Alert>
        )
      )}

      <form onSubmit={submit} noValidate aria-label="Invoice">
        <Stack>
          <Card withBorder>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
              {invoice ? (
                <TextInput
                  label="Client"
                  readOnly
                  variant="filled"
                  value={invoice.billTo?.name ?? client.data?.name ?? '…'}
                />
              ) : (
                <ClientPicker
                  value={draft.clientId}
                  onChange={(clientId) => {
                    set('clientId', clientId);
                    setClientMissing(undefined);
                  }}
                  required
                  disabled={Boolean(jobId)}
                  error={clientMissing ?? serverErrors.clientId}
                />
              )}
              <Select
                label="Currency"
                data={currencyOptions}
                value={draft.currency}
                onChange={(value) => value && set('currency', value)}
                allowDeselect={false}
                searchable
                error={serverErrors.currency}
              />
              <TextInput
                label="Issue date"
                type="date"
                description="Today when issued, if left empty"
                value={draft.issueDate}
                onChange={(event) => set('issueDate', event.currentTarget.value)}
                error={serverErrors.issueDate}
              />
              <TextInput
                label="Due date"
                type="date"
                description="30 days after issue, if left empty"
                value={draft.dueDate}
                min={draft.issueDate || undefined}
                onChange={(event) => set('dueDate', event.currentTarget.value)}
                error={serverErrors.dueDate}
              />
            </SimpleGrid>
            {jobId && (
              <Text size="sm" mt="sm">
                For job{' '}
                {job.data ? (
                  <Anchor component={Link} to={`/jobs/${job.data.id}`}>
                    {jobNumber(job.data.number)} · {job.data.title}
                  </Anchor>
                ) : (
                  '…'
                )}
                . Issuing the invoice marks the job as invoiced.
              </Text>
            )}
          </Card>

          {!branchId && !invoice && (
            <Text size="sm" c="dimmed">
              Choose the client first: the tax policy of their branch prices the lines.
            </Text>
          )}
          {branchId && policy.isSuccess && policy.data === null && (
            <Alert color="orange" title="No tax policy applies" role="alert">
              No tax policy is in effect for this branch on {formatIsoDate(date)}, so the invoice cannot be priced.{' '}
              {can('tax-policies:write') ? (
                <Anchor component={Link} to="/settings/tax">
                  Add one in Tax settings.
                </Anchor>
              ) : (
                'An administrator can add one in Tax settings.'
              )}
            </Alert>
          )}
          {policy.isError && (
            <Alert color="red" role="alert" title="Could not read the tax policy">
              {policy.error.message}
            </Alert>
          )}

          <Card withBorder component="section" aria-labelledby="lines-heading">
            <Group justify="space-between" mb="sm">
              <Title order={2} size="h4" id="lines-heading">
                Lines
              </Title>
              {policy.data && (
                <Text size="xs" c="dimmed">
                  Tax policy: {policy.data.name}
                </Text>
              )}
            </Group>
            <Table.ScrollContainer minWidth={760}>
              <Table aria-label="Invoice lines" verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Description</Table.Th>
                    <Table.Th w={100}>Quantity</Table.Th>
                    <Table.Th w={140}>Unit price</Table.Th>
                    <Table.Th w={230}>Tax rate</Table.Th>
                    <Table.Th w={120} ta="right">
                      Amount
                    </Table.Th>
                    <Table.Th w={40} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((row, index) => {
                    const own = touched ? parsed[index].errors : {};
                    const server = (field: string) => serverErrors[`lines.${index}.${field}`];
                    const position = quoteIndex.get(index);
                    const priced = position !== undefined ? quote.data?.lines[position] : undefined;
                    const n = index + 1;
                    return (
                      <Table.Tr key={row.key}>
                        <Table.Td>
                          <TextInput
                            aria-label={`Description of line ${n}`}
                            value={row.description}
                            maxLength={500}
                            onChange={(event) => setRow(row.key, { description: event.currentTarget.value })}
                            error={own.description ?? server('description')}
                          />
                        </Table.Td>
                        <Table.Td>
                          <TextInput
                            aria-label={`Quantity of line ${n}`}
                            inputMode="decimal"
                            value={row.quantity}
                            onChange={(event) => setRow(row.key, { quantity: event.currentTarget.value })}
                            error={
                              (row.quantity && parsed[index].errors.quantity) || own.quantity || server('quantity')
                            }
                          />
                        </Table.Td>
                        <Table.Td>
                          <TextInput
                            aria-label={`Unit price of line ${n}`}
                            inputMode="decimal"
                            placeholder="0.00"
                            value={row.unitPrice}
                            onChange={(event) => setRow(row.key, { unitPrice: event.currentTarget.value })}
                            error={
                              (row.unitPrice && parsed[index].errors.unitPrice) ||
                              own.unitPrice ||
                              server('unitPriceMinor')
                            }
                          />
                        </Table.Td>
                        <Table.Td>
                          <Select
                            aria-label={`Tax rate of line ${n}`}
                            data={
                              row.taxCode && !rateOptions.some((option) => option.value === row.taxCode)
                                ? [...rateOptions, { value: row.taxCode, label: row.taxCode }]
                                : rateOptions
                            }
                            value={row.taxCode}
                            onChange={(value) => setRow(row.key, { taxCode: value })}
                            allowDeselect={false}
                            placeholder={policy.isPending ? 'Loading…' : 'Choose'}
                            error={(rates && parsed[index].errors.taxCode) || own.taxCode || server('taxCode')}
                          />
                        </Table.Td>
                        <Table.Td ta="right">
                          <Text size="sm">
                            {priced
                              ? formatMoney(
                                  pricing === 'inclusive' ? priced.grossMinor : priced.netMinor,
                                  draft.currency,
                                )
                              : '—'}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={`Remove line ${n}`}
                            disabled={rows.length === 1}
                            onClick={() =>
                              set(
                                'rows',
                                draft.rows.filter((candidate) => candidate.key !== row.key),
                              )
                            }
                          >
                            <span aria-hidden>✕</span>
                          </ActionIcon>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {serverErrors.lines && (
              <Text c="red" size="sm" role="alert">
                {serverErrors.lines}
              </Text>
            )}
            <Group justify="space-between" align="flex-start" mt="sm">
              <Button
                variant="light"
                onClick={() => set('rows', [...draft.rows, newRow(defaultCode)])}
                disabled={draft.rows.length >= 100}
              >
                Add line
              </Button>
              <Stack gap={4} align="flex-end" style={{ flex: 1 }}>
                {quote.isError && problemOf(quote.error)?.problem.status !== 404 && (
                  <Text size="sm" c="red" role="alert">
                    Could not price the lines: {quote.error.message}
                  </Text>
                )}
                <InvoiceTotals
                  totals={
                    quote.data && request ? quote.data : { lines: [], subtotalMinor: 0, taxMinor: 0, totalMinor: 0 }
                  }
                  currency={draft.currency}
                  rateNames={rateNames}
                  pending={!quoteFresh && request !== null}
                />
                {pricing && (
                  <Text size="xs" c="dimmed">
                    {PRICING_LABELS[pricing]?.explanation}
                  </Text>
                )}
              </Stack>
            </Group>
          </Card>

          <Group justify="space-between">
            <Group gap="xs">
              {invoice && (
                <Button variant="subtle" color="red" onClick={() => setDeleting(true)} disabled={busy}>
                  Delete draft
                </Button>
              )}
            </Group>
            <Group gap="xs">
              <Button type="submit" variant="default" loading={create.isPending || update.isPending} disabled={stale}>
                Save draft
              </Button>
              <Button
                onClick={() => {
                  if (valid()) setIssuing(true);
                }}
                disabled={stale || busy || (policy.isSuccess && policy.data === null)}
              >
                Issue invoice
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>

      {invoice && <ActivityLog query={activity} />}

      {issuing && (
        <IssueModal
          draft={draft}
          totalLabel={quote.data && request ? formatMoney(quote.data.totalMinor, draft.currency) : undefined}
          busy={busy}
          onClose={() => setIssuing(false)}
          onIssue={(dates) => void confirmIssue(dates)}
        />
      )}
      {invoice && (
        <ConfirmModal
          opened={deleting}
          title={`Delete draft ${invoice.displayNumber}?`}
          confirmLabel="Delete draft"
          busy={remove.isPending}
          onClose={() => setDeleting(false)}
          onConfirm={() =>
            remove.mutate(invoice.id, {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: `Draft ${invoice.displayNumber} deleted.` });
                navigate('/invoices', { replace: true });
              },
              onError: (error) => {
                setDeleting(false);
                notifications.show({ color: 'red', title: 'The draft was not deleted', message: error.message });
              },
            })
          }
        >
          The draft and its lines are deleted. Its number is not reused.
        </ConfirmModal>
      )}
    </Stack>
  );
}
