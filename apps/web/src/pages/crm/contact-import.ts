import { CONTACT_CSV_COLUMNS, CsvProblems } from '#csv';
import { type ContactImportOutcome, type ImportRowError, importContactsChunk } from '../../api/use-contacts';
import { CHUNK_ROWS, chunkCsv, type ParsedFile } from './contact-csv-file';

export interface ImportProgress {
  done: number;
  total: number;
  created: number;
  failed: number;
  errors: ImportRowError[];
  unknownColumns: string[];
}

/**
 * Sends the file's rows in chunks of CHUNK_ROWS (`chunkCsv`). Rows without a branch get
 * `defaultBranchId`, when one is given. Rows the file itself refused count as failed from
 * the start. Stops between chunks when `stopped()` says so; a failed request stops the
 * import and is thrown with the progress so far.
 */
export async function importInChunks(
  file: ParsedFile,
  options: {
    dryRun: boolean;
    defaultBranchId: string | null;
    onProgress: (progress: ImportProgress) => void;
    stopped: () => boolean;
  },
): Promise<ImportProgress> {
  const problems = new CsvProblems(CONTACT_CSV_COLUMNS);
  problems.addAll(file.refused);
  const refusedRows = file.received - file.rows.length;
  const progress: ImportProgress = {
    done: refusedRows,
    total: file.received,
    created: 0,
    failed: refusedRows,
    errors: problems.list(),
    unknownColumns: file.unknownColumns,
  };
  options.onProgress({ ...progress });
  for (let start = 0; start < file.rows.length; start += CHUNK_ROWS) {
    if (options.stopped()) break;
    const rows = file.rows.slice(start, start + CHUNK_ROWS);
    const { csv, firstRow } = chunkCsv(rows, options.defaultBranchId);
    let outcome: ContactImportOutcome;
    try {
      outcome = await importContactsChunk(csv, firstRow, options.dryRun);
    } catch (error) {
      throw Object.assign(error as Error, { progress: { ...progress } });
    }
    progress.done += rows.length;
    progress.created += outcome.created;
    progress.failed += outcome.failed;
    problems.addAll(outcome.errors);
    progress.errors = problems.list();
    options.onProgress({ ...progress });
  }
  return progress;
}
