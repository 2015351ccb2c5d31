import {
  Alert,
  Badge,
  Button,
  FileInput,
  Group,
  Modal,
  Progress,
  ScrollArea,
  Select,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { type ReactNode, useRef, useState } from 'react';
import { problemOf } from '../../api/problems';
import { useRefreshContacts } from '../../api/use-contacts';
import { saveFile } from '../../components/save-file';
import {
  CHUNK_ROWS,
  CsvFileRefused,
  errorsAsCsv,
  type ParsedFile,
  parseCsvFile,
  rowsWithoutBranch,
} from './contact-csv-file';
import { type ImportProgress, importInChunks } from './contact-import';
import { useCrmAccess } from './use-crm-access';

const PREVIEW_ROWS = 5;

type Run = {
  dryRun: boolean;
  status: 'running' | 'done' | 'stopped' | 'failed';
  progress: ImportProgress;
  failure?: string;
};

/**
 * Imports contacts from a CSV file: read and previewed in the browser, optionally checked
 * first (a dry run), then sent in chunks with a progress bar. Rows the API refuses are
 * listed by row number and field, and can be downloaded to fix and import again.
 */
export function ImportContactsModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const access = useCrmAccess();
  const refreshContacts = useRefreshContacts();
  const [picked, setPicked] = useState<File | null>(null);
  const [file, setFile] = useState<ParsedFile | null>(null);
  const [parseError, setParseError] = useState<string | null>(null);
  const [branchChoice, setBranchChoice] = useState<string | null | undefined>(undefined);
  const [run, setRun] = useState<Run | null>(null);
  const stop = useRef(false);
  const branchForRest = branchChoice === undefined ? access.defaultBranchId : branchChoice;
  const running = run?.status === 'running';

  function reset() {
    setPicked(null);
    setFile(null);
    setParseError(null);
    setBranchChoice(undefined);
    setRun(null);
  }

  function close() {
    if (running) return;
    reset();
    onClose();
  }

  async function pick(chosen: File | null) {
    reset();
    setPicked(chosen);
    if (!chosen) return;
    try {
      setFile(await parseCsvFile(chosen));
    } catch (error) {
      setParseError(error instanceof CsvFileRefused ? error.message : 'The file could not be read.');
    }
  }

  async function start(dryRun: boolean) {
    if (!file) return;
    stop.current = false;
    const begin = { done: 0, total: file.received, created: 0, failed: 0, errors: [], unknownColumns: [] };
    setRun({ dryRun, status: 'running', progress: begin });
    try {
      const progress = await importInChunks(file, {
        dryRun,
        defaultBranchId: branchForRest,
        stopped: () => stop.current,
        onProgress: (progress) => setRun({ dryRun, status: 'running', progress }),
      });
      setRun({ dryRun, status: progress.done < progress.total ? 'stopped' : 'done', progress });
    } catch (error) {
      const progress = (error as { progress?: ImportProgress }).progress ?? begin;
      setRun({ dryRun, status: 'failed', progress, failure: problemOf(error)?.message ?? String(error) });
    } finally {
      if (!dryRun) refreshContacts();
    }
  }

  const withoutBranch = file ? rowsWithoutBranch(file) : 0;
  const mayStart = Boolean(file && file.received > 0 && !running);
  const percent = run ? Math.round((run.progress.done / Math.max(run.progress.total, 1)) * 100) : 0;
  const finished = run && run.status !== 'running';
  const imported = finished && !run.dryRun;

  return (
    <Modal opened={opened} onClose={close} title="Import contacts from CSV" size="xl" closeOnClickOutside={!running}>
      <Stack>
        <FileInput
          label="CSV file"
          placeholder="Choose a .csv file"
          description="UTF-8 text, separated by commas, semicolons or tabs. The first row names the columns: fullName (or name), email, phone, jobTitle, client (name or id), branch (name or id), tags (separated by ;), line1, line2, city, region, postcode, country, notes."
          accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values"
          value={picked}
          onChange={(chosen) => void pick(chosen)}
          disabled={running}
          clearable
        />
        {parseError && (
          <Alert color="red" title="Could not read the file" role="alert">
            {parseError}
          </Alert>
        )}
        {file && !run && (
          <FilePreview file={file}>
            {withoutBranch > 0 && (
              <Select
                label="Branch for rows without one"
                description={`${withoutBranch} of ${file.rows.length} rows name no branch and no client. Without a branch they cannot be imported.`}
                data={access.writableBranches.map((branch) => ({ value: branch.id, label: branch.name }))}
                value={branchForRest}
                onChange={setBranchChoice}
                clearable
                maw={420}
              />
            )}
          </FilePreview>
        )}
        {run && (
          <Stack gap="xs">
            <Progress
              value={percent}
              aria-label={run.dryRun ? 'Check progress' : 'Import progress'}
              size="lg"
              striped={running}
              animated={running}
            />
            <Group justify="space-between" role="status" aria-live="polite">
              <Text size="sm">
                {run.progress.done} of {run.progress.total} rows {run.dryRun ? 'checked' : 'processed'} ({percent}%)
              </Text>
              <Text size="sm" fw={500}>
                {run.dryRun
                  ? `Fine: ${run.progress.done - run.progress.failed} · With problems: ${run.progress.failed}`
                  : `Created: ${run.progress.created} · Failed: ${run.progress.failed}`}
              </Text>
            </Group>
          </Stack>
        )}
        {finished && <RunSummary run={run} />}
        {finished && run.progress.errors.length > 0 && <RowErrors run={run} />}
        <Group justify="flex-end">
          {running ? (
            <Button
              variant="default"
              onClick={() => {
                stop.current = true;
              }}
            >
              Stop after this batch
            </Button>
          ) : imported ? (
            <>
              <Button variant="default" onClick={reset}>
                Import another file
              </Button>
              <Button onClick={close}>Done</Button>
            </>
          ) : (
            <>
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              {file && (
                <Button variant="default" disabled={!mayStart} onClick={() => void start(true)}>
                  {run?.dryRun ? 'Check again' : 'Check file'}
                </Button>
              )}
              {file && (
                <Button disabled={!mayStart} onClick={() => void start(false)}>
                  Import {file.rows.length} {file.rows.length === 1 ? 'contact' : 'contacts'}
                </Button>
              )}
            </>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}

function FilePreview({ file, children }: { file: ParsedFile; children: ReactNode }) {
  const shown = file.rows.slice(0, PREVIEW_ROWS);
  const read = file.headers.flatMap((header, index) => {
    const column = file.columns[index];
    return column ? [{ header, column }] : [];
  });
  return (
    <Stack gap="sm">
      <Text size="sm">
        <strong>{file.received}</strong> {file.received === 1 ? 'row' : 'rows'} in {file.fileName}
        {file.received > CHUNK_ROWS && `, sent in batches of ${CHUNK_ROWS}`}.
      </Text>
      <Group gap={6} aria-label="Detected columns" role="list">
        {file.headers.map((header, index) => {
          const column = file.columns[index];
          return (
            <Badge
              // biome-ignore lint/suspicious/noArrayIndexKey: two columns may carry the same header; their order is fixed.
              key={index}
              role="listitem"
              color={column ? 'teal' : 'yellow'}
              variant="light"
              title={column ? `Read as ${column}` : 'Not recognised: ignored'}
            >
              {column && column.toLowerCase() !== header.toLowerCase()
                ? `${header} → ${column}`
                : header || '(no name)'}
            </Badge>
          );
        })}
      </Group>
      {file.refused.length > 0 && (
        <Alert color="yellow" title="Some rows cannot be read" role="alert">
          {file.refused.map((problem) => `Row ${problem.row}: ${problem.message}`).join(' ')} They will be listed among
          the rows with problems.
        </Alert>
      )}
      {file.unknownColumns.length > 0 && (
        <Alert color="yellow" title="Some columns will be ignored" role="alert">
          Not recognised: {file.unknownColumns.join(', ')}. Their values will not be imported.
        </Alert>
      )}
      {file.received === 0 ? (
        <Alert color="yellow" title="No rows" role="alert">
          The file has a header row but no contacts under it.
        </Alert>
      ) : (
        <ScrollArea>
          <Table aria-label="Preview" striped withTableBorder fz="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Row</Table.Th>
                {read.map(({ header, column }) => (
                  <Table.Th key={column}>{header}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map(({ row, values }) => (
                // Row numbers as the API reports them: the header is row 1, empty rows count.
                <Table.Tr key={row}>
                  <Table.Td>{row}</Table.Td>
                  {read.map(({ column }) => (
                    <Table.Td key={column} style={{ whiteSpace: 'pre-line' }}>
                      {values[column]}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
      {file.rows.length > PREVIEW_ROWS && (
        <Text size="xs" c="dimmed">
          The first {PREVIEW_ROWS} rows of {file.rows.length}.
        </Text>
      )}
      {children}
    </Stack>
  );
}

function RunSummary({ run }: { run: Run }) {
  const { progress } = run;
  const fine = progress.done - progress.failed;
  if (run.status === 'failed') {
    return (
      <Alert color="red" title="The import stopped" role="alert">
        {run.failure}{' '}
        {progress.done > 0 &&
          !run.dryRun &&
          `The first ${progress.done} rows were processed: ${progress.created} contacts were created.`}
      </Alert>
    );
  }
  const stopped = run.status === 'stopped' ? ` Stopped after ${progress.done} of ${progress.total} rows.` : '';
  if (run.dryRun) {
    return (
      <Alert color={progress.failed ? 'yellow' : 'teal'} title="Check finished" role="alert">
        {progress.failed
          ? `${fine} rows are fine; ${progress.failed} have problems (below). Fix them in the file, or import and leave them out.`
          : `All ${fine} rows are fine. Nothing was imported yet.`}
        {stopped}
      </Alert>
    );
  }
  return (
    <Alert color={progress.failed ? 'yellow' : 'teal'} title="Import finished" role="alert">
      {`${progress.created} ${progress.created === 1 ? 'contact was' : 'contacts were'} created.`}
      {progress.failed > 0 &&
        ` ${progress.failed} ${progress.failed === 1 ? 'row' : 'rows'} could not be imported (below).`}
      {stopped}
      {progress.unknownColumns.length > 0 && ` Ignored columns: ${progress.unknownColumns.join(', ')}.`}
    </Alert>
  );
}

function RowErrors({ run }: { run: Run }) {
  const errors = [...run.progress.errors].sort((a, b) => a.row - b.row);
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text size="sm" fw={500}>
          Rows with problems
        </Text>
        <Button
          size="xs"
          variant="default"
          onClick={() => saveFile(errorsAsCsv(errors), `contact-import-${run.dryRun ? 'check' : 'errors'}.csv`)}
        >
          Download errors as CSV
        </Button>
      </Group>
      <ScrollArea.Autosize mah={280}>
        <Table aria-label="Rows with problems" striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Row</Table.Th>
              <Table.Th>Field</Table.Th>
              <Table.Th>Problem</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {errors.map((error) => (
              <Table.Tr key={`${error.row}:${error.field}:${error.message}`}>
                <Table.Td>{error.row}</Table.Td>
                <Table.Td>{error.field}</Table.Td>
                <Table.Td>{error.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      {run.progress.failed > new Set(errors.map((error) => error.row)).size && (
        <Text size="xs" c="dimmed">
          Some rows' problems were not listed (the API reports at most 500 per batch).
        </Text>
      )}
    </Stack>
  );
}
