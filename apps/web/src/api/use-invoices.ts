import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type components, toApiProblem, unwrap } from '#api-client';
import { api } from './client';
import { jobsChanged } from './use-jobs';

export type Invoice = components['schemas']['InvoiceResponseDto'];
export type InvoiceLine = components['schemas']['InvoiceLineDto'];
export type InvoiceQuote = components['schemas']['InvoiceQuoteResponseDto'];
export type InvoiceDraft = components['schemas']['InvoiceCreateDto'];
export type InvoiceDraftChange = components['schemas']['InvoiceUpdateDto'];
export type Payment = components['schemas']['PaymentResponseDto'];
export type PaymentInput = components['schemas']['PaymentCreateDto'];
export type InvoiceStatus = 'draft' | 'issued' | 'paid' | 'void';
export type ClientBalance = components['schemas']['ClientBalanceResponseDto'];
export type InvoiceSent = components['schemas']['InvoiceSentResponseDto'];

export interface InvoiceFilters {
  status: InvoiceStatus | null;
  overdue: boolean;
  clientId: string | null;
}

const INVOICES = ['invoices'] as const;
const PAGE_SIZE = 25;

/** Invoices, newest first, a page at a time. */
export function useInvoiceList(filters: InvoiceFilters) {
  return useInfiniteQuery({
    queryKey: [...INVOICES, 'list', filters],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/invoices', {
          params: {
            query: {
              limit: PAGE_SIZE,
              cursor: pageParam,
              status: filters.overdue ? undefined : (filters.status ?? undefined),
              overdue: filters.overdue || undefined,
              clientId: filters.clientId ?? undefined,
            },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** How many invoices the summary chart reads at most: the API has no totals endpoint. */
export const SUMMARY_LIMIT = 500;

/** The newest invoices (up to SUMMARY_LIMIT) for the money-by-status chart. */
export function useInvoiceSummarySource(clientId: string | null) {
  return useQuery({
    queryKey: [...INVOICES, 'summary', clientId],
    queryFn: async () => {
      const items: Invoice[] = [];
      let cursor: string | undefined;
      do {
        const page = await unwrap(
          api.GET('/api/v1/invoices', { params: { query: { limit: 100, cursor, clientId: clientId ?? undefined } } }),
        );
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor && items.length < SUMMARY_LIMIT);
      return { items, complete: !cursor };
    },
  });
}

/** What a client owes, has overdue and has paid, per currency (needs invoices:read). */
export function useClientBalance(clientId: string, enabled = true) {
  return useQuery({
    queryKey: [...INVOICES, 'balance', clientId],
    queryFn: () => unwrap(api.GET('/api/v1/clients/{id}/balance', { params: { path: { id: clientId } } })),
    enabled,
  });
}

/** The invoices of one job (an agent sees those of their own jobs only). */
export function useJobInvoices(jobId: string, enabled = true) {
  return useQuery({
    queryKey: [...INVOICES, 'job', jobId],
    queryFn: () => unwrap(api.GET('/api/v1/invoices', { params: { query: { jobId, limit: 20 } } })),
    enabled,
  });
}

/** The invoice's PDF, as the API makes it on request (a draft's says DRAFT); through the client, which carries the token. */
export async function fetchInvoicePdf(id: string): Promise<{ blob: Blob; fileName: string }> {
  let result: Awaited<ReturnType<typeof requestPdf>>;
  try {
    result = await requestPdf(id);
  } catch (error) {
    throw toApiProblem(error);
  }
  const { data, error, response } = result;
  if (error !== undefined || !response.ok || !data) throw toApiProblem(error, response);
  const fileName = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'invoice.pdf';
  return { blob: data as unknown as Blob, fileName };
}

const requestPdf = (id: string) => api.GET('/api/v1/invoices/{id}/pdf', { params: { path: { id } }, parseAs: 'blob' });

export function useInvoice(id: string | undefined) {
  return useQuery({
    queryKey: [...INVOICES, 'one', id],
    queryFn: () => unwrap(api.GET('/api/v1/invoices/{id}', { params: { path: { id: id as string } } })),
    enabled: Boolean(id),
  });
}

export function useInvoicePayments(id: string | undefined, enabled = true) {
  return useQuery({
    queryKey: [...INVOICES, 'payments', id],
    queryFn: () => unwrap(api.GET('/api/v1/invoices/{id}/payments', { params: { path: { id: id as string } } })),
    enabled: Boolean(id) && enabled,
  });
}

export function useInvoiceActivity(id: string | undefined) {
  return useQuery({
    queryKey: [...INVOICES, 'activity', id],
    queryFn: () => unwrap(api.GET('/api/v1/invoices/{id}/activity', { params: { path: { id: id as string } } })),
    enabled: Boolean(id),
  });
}

export interface QuoteRequest {
  branchId: string;
  date?: string;
  currency: string;
  lines: InvoiceLine[];
}

/** Live totals of lines that are not saved yet; null when there is nothing to price. */
export function useInvoiceQuote(request: QuoteRequest | null) {
  return useQuery({
    queryKey: [...INVOICES, 'quote', request],
    queryFn: () => unwrap(api.POST('/api/v1/invoices/quote', { body: request as QuoteRequest })),
    enabled: request !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

function useRefreshInvoices() {
  const queryClient = useQueryClient();
  return (invoice?: Invoice) => {
    if (invoice) queryClient.setQueryData([...INVOICES, 'one', invoice.id], invoice);
    void queryClient.invalidateQueries({ queryKey: INVOICES });
    // Issuing moves a completed job to invoiced.
    if (invoice?.jobId) jobsChanged(queryClient);
  };
}

const path = (id: string) => ({ params: { path: { id } } });

export function useCreateInvoice() {
  const refresh = useRefreshInvoices();
  return useMutation({
    mutationFn: (body: InvoiceDraft) => unwrap(api.POST('/api/v1/invoices', { body })),
    onSuccess: refresh,
    meta: { errorsShownInline: true },
  });
}

export function useUpdateInvoice() {
  const refresh = useRefreshInvoices();
  return useMutation({
    mutationFn: ({ id, ...body }: InvoiceDraftChange & { id: string }) =>
      unwrap(api.PATCH('/api/v1/invoices/{id}', { ...path(id), body })),
    onSuccess: refresh,
    meta: { errorsShownInline: true },
  });
}

export function useIssueInvoice() {
  const refresh = useRefreshInvoices();
  return useMutation({
    mutationFn: ({ id, ...body }: components['schemas']['InvoiceIssueDto'] & { id: string }) =>
      unwrap(api.POST('/api/v1/invoices/{id}/issue', { ...path(id), body })),
    onSuccess: refresh,
    meta: { errorsShownInline: true },
  });
}

export function useVoidInvoice() {
  const refresh = useRefreshInvoices();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      unwrap(api.POST('/api/v1/invoices/{id}/void', { ...path(id), body: { version } })),
    onSuccess: refresh,
    meta: { errorsShownInline: true },
  });
}

export function useDeleteInvoice() {
  const refresh = useRefreshInvoices();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/invoices/{id}', path(id))),
    onSuccess: () => refresh(),
    meta: { errorsShownInline: true },
  });
}

/** Emails the invoice with its PDF to the bill-to address; the answer says whether it was sent, queued or failed. */
export function useSendInvoice() {
  const refresh = useRefreshInvoices();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/invoices/{id}/send', path(id))),
    onSuccess: (sent) => refresh(sent.invoice),
    meta: { errorsShownInline: true },
  });
}

export function useRecordPayment() {
  const refresh = useRefreshInvoices();
  return useMutation({
    mutationFn: ({ id, ...body }: PaymentInput & { id: string }) =>
      unwrap(api.POST('/api/v1/invoices/{id}/payments', { ...path(id), body })),
    onSuccess: (recorded) => refresh(recorded.invoice),
    meta: { errorsShownInline: true },
  });
}
