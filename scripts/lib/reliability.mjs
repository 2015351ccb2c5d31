// Writes the figures of the security suites into docs/reliability.md, between
// `<!-- figures:NAME -->` and `<!-- /figures:NAME -->`. Each suite writes a JSON fragment
// (libs/testing/src/run-record.mjs); `npm test` and scripts/sqlmap.mjs call this with what
// they have, so each section changes only when its suite ran. No timestamps but a date.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './prepare.mjs';

const DOC = join(root, 'docs/reliability.md');

const table = (header, rows) => [
  `| ${header.join(' | ')} |`,
  `| ${header.map(() => '---').join(' | ')} |`,
  ...rows.map((row) => `| ${row.join(' | ')} |`),
];
const statuses = (counts) =>
  Object.entries(counts ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, n]) => `${status}: ${n}`)
    .join(', ');

const SECTIONS = {
  'authorization-matrix': (r) => [
    `Run of ${r.date} on ${r.database}: ${r.routes} routes of the OpenAPI document × ${r.callers.length} callers ` +
      `(${r.roles.length} roles and ${r.callers.length - r.roles.length} other credentials) = **${r.cells} cells**, ` +
      `${r.requests} requests, **${r.mismatches} unexpected outcomes**.`,
    '',
    ...table(
      ['caller', 'cells', 'outcomes (expected class: count)'],
      r.byCaller.map((c) => [c.caller, String(c.cells), statuses(c.outcomes)]),
    ),
    '',
    `Cross-tenant: ${r.crossTenant.requests} requests with another organization's ids and credentials, ` +
      `${r.crossTenant.successes} answered 2xx, ${r.crossTenant.leaks} answers named the other organization's ids, ` +
      `${r.crossTenant.changedTables} of ${r.crossTenant.tables} tables of the other organization changed.`,
  ],
  fuzz: (r) => [
    `Run of ${r.date} on ${r.database}, seed ${r.seed}: **${r.cases} cases** in ${r.properties.length} properties, ` +
      `**${r.failedProperties} failed** properties.`,
    '',
    ...table(
      ['property', 'cases', 'outcome', 'statuses'],
      r.properties.map((p) => [
        p.name,
        String(p.runs),
        p.failure ? `fails: ${p.failure}` : 'holds',
        statuses(p.statuses),
      ]),
    ),
    '',
    `All statuses: ${statuses(r.statuses)}.`,
  ],
  properties: (r) => [
    `Run of ${r.date} on ${r.database}, seed ${r.seed}:`,
    '',
    ...table(
      ['property', 'cases', 'outcome'],
      r.properties.map((p) => [p.name, String(p.runs), p.failure ? `fails: ${p.failure}` : 'holds']),
    ),
  ],
  'database-outage': (r) => [
    `Run of ${r.date} on ${r.database}:`,
    '',
    ...table(
      ['request while the database is unreachable', 'status', 'Retry-After', 'outcome'],
      r.requests.map((q) => [q.name, String(q.status), q.retryAfter ?? '(none)', q.ok ? 'as expected' : 'defect']),
    ),
  ],
  sqlmap: (r) => [
    `Run of ${r.date} (sqlmap ${r.version}, level ${r.level}, risk ${r.risk}, ${r.techniques} techniques): ` +
      `${r.targets.length} targets, ${r.seconds} s, **${r.injections} injections found**.`,
    '',
    ...table(
      ['target', 'parameters', 'result'],
      r.targets.map((t) => [`\`${t.url}\``, t.parameters.join(', '), t.result]),
    ),
  ],
  'backup-restore': (r) => [
    `Run of ${r.date} on ${r.database}: an encrypted backup of ${r.bytes} bytes restored into an empty database ` +
      `in **${r.seconds} s** (load and key journal); ${r.reapplied} subject key destroyed again from the journal. ` +
      `Erased contact readable after the restore: **${r.erasedReadable ? 'yes (defect)' : 'no'}**; ` +
      `the other contact readable: ${r.keptReadable ? 'yes' : 'no (defect)'}.`,
  ],
  'log-scan': (r) => [
    `Whole \`npm test\` run of ${r.date}: ${r.lines} log lines from ${r.files} test workers scanned for ` +
      `${r.canaries} secret and personal values the tests created and ${r.shapes} secret shapes: **${r.findings} findings**.`,
  ],
};

/** Rewrites the sections whose fragments exist; answers their names. */
export function renderReliability(results, { wholeRun = false } = {}) {
  let doc = readFileSync(DOC, 'utf8');
  const written = [];
  for (const [name, render] of Object.entries(SECTIONS)) {
    const result = results[name];
    if (!result) continue;
    // A partial run saw only part of the logs: its scan is not the run's figure.
    if (name === 'log-scan' && !wholeRun) continue;
    const start = `<!-- figures:${name} -->`;
    const end = `<!-- /figures:${name} -->`;
    const from = doc.indexOf(start);
    const to = doc.indexOf(end);
    if (from < 0 || to < from) throw new Error(`docs/reliability.md lacks the markers of ${name}`);
    const figures = render({ date: new Date().toISOString().slice(0, 10), ...result });
    doc = `${doc.slice(0, from + start.length)}\n${figures.join('\n')}\n${doc.slice(to)}`;
    written.push(name);
  }
  if (written.length) writeFileSync(DOC, doc);
  return written;
}
