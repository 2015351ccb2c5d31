// Plain ESM so that scripts/test.mjs (after Jest) and the test files share it.
// `npm test` sets STEWARD_RUN_DIR: while it is set, every test app's log lines, the secrets
// and personal values the tests create (canaries) and each security suite's figures are
// recorded under it, for the log scan and docs/reliability.md. Without it, nothing is kept.
import { appendFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const RUN_DIR_VARIABLE = 'STEWARD_RUN_DIR';
export const runDir = () => process.env[RUN_DIR_VARIABLE] || undefined;

/** Values shorter than this are too common to mean anything when found in a log line. */
export const MIN_CANARY_LENGTH = 8;

const seen = new Set();
const fileIn = (folder, name) => {
  const dir = runDir();
  if (!dir) return undefined;
  mkdirSync(join(dir, folder), { recursive: true });
  return join(dir, folder, name);
};

/** Appends one raw log line (as the app wrote it) to this worker's log file. */
export function recordLogLine(line) {
  const file = fileIn('logs', `${process.pid}.ndjson`);
  if (file) appendFileSync(file, line.endsWith('\n') ? line : `${line}\n`);
}

/** Remembers a secret or personal value that must never appear in a log line. */
export function recordCanary(kind, value) {
  if (typeof value !== 'string' || value.length < MIN_CANARY_LENGTH || seen.has(value)) return;
  const file = fileIn('canaries', `${process.pid}.ndjson`);
  if (!file) return;
  seen.add(value);
  appendFileSync(file, `${JSON.stringify({ kind, value })}\n`);
}

/** Reads every canary recorded in this run. */
export function readCanaries(dir = runDir()) {
  return readNdjson(dir && join(dir, 'canaries'));
}

/** Writes a suite's figures for docs/reliability.md. */
export function writeResult(name, data) {
  const file = fileIn('results', `${name}.json`);
  if (file) writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
}

/** Every suite's figures of this run, by name. */
export function readResults(dir = runDir()) {
  const folder = dir && join(dir, 'results');
  const results = {};
  for (const file of listFiles(folder)) {
    if (file.endsWith('.json')) results[file.slice(0, -5)] = JSON.parse(readFileSync(join(folder, file), 'utf8'));
  }
  return results;
}

export function listFiles(folder) {
  try {
    return readdirSync(folder).sort();
  } catch {
    return [];
  }
}

function readNdjson(folder) {
  const rows = [];
  for (const file of listFiles(folder)) {
    for (const line of readFileSync(join(folder, file), 'utf8').split('\n')) if (line) rows.push(JSON.parse(line));
  }
  return rows;
}
