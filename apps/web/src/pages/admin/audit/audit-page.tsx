import { Alert, Button, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import {
  type AuditEntry,
  type AuditExportFormat,
  useAuditEntries,
  useExportAuditEntries,
  useVerifyAuditTrail,
} from '../../../api/use-audit';
import { LoadMoreButton } from '../../../components/load-more-button.js';
import { saveFile } from '../../../components/save-file';
import { AuditEntryDrawer } from './audit-entry-drawer';
import { AuditFilterBar } from './audit-filter-bar';
import { ENTRY_PARAM, type FilterChanges, filtersOf, withFilters, withoutFilters } from './audit-filters';
import { AuditTable } from './audit-table';
import { AuditVerificationResult } from './audit-verification';

/**
 * Who did what, when, from where: the organization's tamper-evident trail. The filters and
 * the open entry live in the URL, so a view can be shared as a link.
 */
export function AuditPage() {
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params);
  const openSeq = params.get(ENTRY_PARAM);
  const list = useAuditEntries(filters);
  const exporter = useExportAuditEntries();
  const verify = useVerifyAuditTrail();
  const entries = list.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Object.keys(filters).length > 0;

  const setFilters = (changes: FilterChanges) =>
    setParams((current) => withFilters(current, changes), { replace: true });
  const openEntry = (seq: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (seq) next.set(ENTRY_PARAM, seq);
        else next.delete(ENTRY_PARAM);
        return next;
      },
      { replace: true },
    );

  function download(format: AuditExportFormat) {
    exporter.mutate({ filters, format }, { onSuccess: ({ blob, fileName }) => saveFile(blob, fileName) });
  }

  return (
    <Stack maw={1300}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>Audit trail</Title>
          <Text c="dimmed" size="sm">
            Sign-ins, changes of access and settings, and every view, change and export of personal data. Entries cannot
            be edited; each is chained to the one before, so any tampering shows.
          </Text>
        </div>
        <Group gap="xs">
          <Button
            variant="default"
            loading={exporter.isPending && exporter.variables?.format === 'csv'}
            disabled={exporter.isPending}
            onClick={() => download('csv')}
          >
            Export CSV
          </Button>
          <Button
            variant="default"
            loading={exporter.isPending && exporter.variables?.format === 'json'}
            disabled={exporter.isPending}
            onClick={() => download('json')}
          >
            Export JSON
          </Button>
          <Button loading={verify.isPending} onClick={() => verify.mutate()}>
            Verify integrity
          </Button>
        </Group>
      </Group>

      <AuditVerificationResult verify={verify} onShowEntry={openEntry} />

      <AuditFilterBar
        filters={filters}
        onChange={(name, value) => setFilters({ [name]: value })}
        onClear={() => setParams((current) => withoutFilters(current), { replace: true })}
      />

      {list.isError && (
        <Alert color="red" title="Could not load the audit trail" role="alert">
          {list.error.message}
        </Alert>
      )}
      {list.isPending ? (
        <Center h={160}>
          <Loader aria-label="Loading the audit trail" />
        </Center>
      ) : (
        <AuditTable entries={entries} busy={list.isFetching} onOpen={(entry: AuditEntry) => openEntry(entry.seq)} />
      )}
      {list.isSuccess && entries.length === 0 && (
        <Text c="dimmed" size="sm" ta="center" py="md">
          {filtered ? 'No entry matches these filters.' : 'Nothing recorded yet.'}
        </Text>
      )}
      <LoadMoreButton list={list} label="Older entries" />

      <AuditEntryDrawer
        seq={openSeq}
        entry={entries.find((entry) => entry.seq === openSeq)}
        onClose={() => openEntry(null)}
        onFilter={(changes) =>
          setParams(
            (current) => {
              const next = withFilters(current, changes);
              next.delete(ENTRY_PARAM);
              return next;
            },
            { replace: true },
          )
        }
      />
    </Stack>
  );
}
