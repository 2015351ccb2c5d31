import { stringify } from 'csv-stringify/sync';
import { strToU8, type Zippable, zipSync } from 'fflate';
import { csvCell } from '#csv';
import type { DataCategory, ExportRecord } from '#personal-data';

/** One category as the build wrote it: what the registry says of it, and the subject's records. */
export interface ExportPart {
  category: string;
  records: ExportRecord[];
}

export interface ManifestCategory {
  category: string;
  description: string;
  purposes: string[];
  lawfulBasis: string;
  retention: string;
  count: number;
  fields: { name: string; description: string }[];
  files: string[];
}

export interface ExportManifest {
  format: 'steward-access-export/1';
  exportId: string;
  subject: { kind: string; id: string };
  generatedAt: string;
  categories: ManifestCategory[];
}

const isScalar = (value: unknown) => value === null || value === undefined || typeof value !== 'object';

/**
 * Rows whose values are all scalars (or lists of scalars, joined by `;`) read well as a
 * spreadsheet: those categories get a CSV next to their JSON. Nested values (preferences,
 * changed fields) would be JSON inside a cell, so such categories are JSON only.
 */
export const isTabular = (records: ExportRecord[]): boolean =>
  records.length > 0 &&
  records.every((record) =>
    Object.values(record).every((value) => isScalar(value) || (Array.isArray(value) && value.every(isScalar))),
  );

function toCsv(records: ExportRecord[]): string {
  const columns = [...new Set(records.flatMap((record) => Object.keys(record)))];
  const rows = records.map((record) => Object.fromEntries(columns.map((column) => [column, csvCell(record[column])])));
  // With a byte-order mark: a spreadsheet opens the person's names and notes as UTF-8.
  return stringify(rows, { header: true, bom: true, columns });
}

/**
 * The ZIP a subject downloads: manifest.json (categories, counts, field descriptions,
 * subject, generated-at), `<category>.json` for every category the registry lists for the
 * subject (an empty list when it holds nothing there) and `<category>.csv` for tabular ones.
 */
export function buildArchive(
  meta: { exportId: string; subject: { kind: string; id: string }; generatedAt: Date },
  parts: Array<{ part: ExportPart; describe: DataCategory }>,
): { zip: Buffer; manifest: ExportManifest } {
  const files: Zippable = {};
  const categories: ManifestCategory[] = [];
  for (const { part, describe } of parts) {
    const names = [`${part.category}.json`];
    files[names[0]] = strToU8(JSON.stringify(part.records, null, 2));
    if (isTabular(part.records)) {
      names.push(`${part.category}.csv`);
      files[names[1]] = strToU8(toCsv(part.records));
    }
    categories.push({
      category: part.category,
      description: describe.description,
      purposes: describe.purposes,
      lawfulBasis: describe.lawfulBasis,
      retention: describe.retention.description,
      count: part.records.length,
      fields: describe.fields.map(({ name, description }) => ({ name, description })),
      files: names,
    });
  }
  const manifest: ExportManifest = {
    format: 'steward-access-export/1',
    exportId: meta.exportId,
    subject: meta.subject,
    generatedAt: meta.generatedAt.toISOString(),
    categories,
  };
  files['manifest.json'] = strToU8(JSON.stringify(manifest, null, 2));
  return { zip: Buffer.from(zipSync(files, { level: 6, mtime: meta.generatedAt })), manifest };
}
