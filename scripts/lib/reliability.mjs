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
  'mail-outage': (r) => [
    `Run of ${r.date} on ${r.database}:`,
    '',
    ...table(
      ['while the mail server was down', 'after it came back'],
      [
        [
          `${r.queued} emails queued (${r.answeredQueued} invitations answered \`queued\`)`,
          `${r.delivered} delivered, **${r.duplicates} duplicates**, ${r.lost} lost, ` +
            `${r.secondsToDeliver} s from return to the last delivery`,
        ],
        [
          'one more kept failing past MAIL_RETRY_HOURS',
          r.givenUp ? 'given up, content dropped, never sent' : '**defect: not given up**',
        ],
      ],
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
  'resilience-load': (r) => [
    `Run of ${r.date} on ${r.database}: the built API under the mixed workload for **${r.seconds} s** at ` +
      `${r.connections} connections: **${r.requests} requests** (${r.rps}/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, ` +
      `max ${r.maxMs} ms), **${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx**; ` +
      `${r.created.clients} clients, ${r.created.contacts} contacts and ${r.created.jobs} jobs created.`,
    '',
    `Live memory after a full GC in the API (V8 heap + ArrayBuffers), at ${r.live.firstAtSeconds} s ` +
      `${r.live.first.heapMb} + ${r.live.first.arrayBuffersMb} MB, at ${r.live.lastAtSeconds} s ` +
      `${r.live.last.heapMb} + ${r.live.last.arrayBuffersMb} MB: **drift ${r.live.driftPercent} %** ` +
      `(bound ${r.live.boundPercent} %).`,
    '',
    `RSS every ${r.rss.everySeconds} s (reported, not bounded): median of the first ${r.rss.windowSeconds} s ` +
      `${r.rss.firstMb} MB, of the last ${r.rss.windowSeconds} s ${r.rss.lastMb} MB: drift ${r.rss.driftPercent} %, ` +
      `peak ${r.rss.peakMb} MB.`,
    '',
    ...table(
      ['step', 'answers'],
      Object.entries(
        Object.entries(r.steps).reduce((steps, [key, count]) => {
          const [, step, status] = /^(.*) (\d+)$/.exec(key) ?? [key, key, '?'];
          steps[step] = { ...steps[step], [status]: count };
          return steps;
        }, {}),
      ).map(([step, counts]) => [step, statuses(counts)]),
    ),
  ],
  'resilience-database-restart': (r) => [
    `Run of ${r.date} on a PostgreSQL cluster of the test's own (\`pg_ctl stop -m fast\`, then start), the built ` +
      `API at ${r.connections} connections: stopped for ${r.downSeconds} s.`,
    '',
    ...table(
      ['figure', 'value', 'bound'],
      [
        ['requests while PostgreSQL was down', String(r.down.requests), ''],
        ['of them 503 problem+json with Retry-After', String(r.down.unavailable), 'all'],
        ['of them 500', String(r.down.serverErrors), '0'],
        ['all answers while down', statuses(r.down.statuses), ''],
        ['PostgreSQL accepting connections → first 2xx', `**${r.recoveryMs} ms**`, `${r.recoveryBoundMs} ms`],
        ['writes acknowledged (201 with an id)', String(r.acknowledged), ''],
        ['of them found in the database afterwards', String(r.found), 'all'],
        ['writes lost', `**${r.lost}**`, '0'],
        ['all answers of the run', statuses(r.statuses), ''],
      ],
    ),
  ],
  'resilience-worker-kills': (r) => [
    `Run of ${r.date} on PostgreSQL: the built worker killed with SIGKILL at each point, restarted after each kill, ` +
      `**${r.kills.reduce((sum, k) => sum + k.points.length, 0)} kills survived** in ${r.kills.length} operations` +
      (r.kept ? ` (${r.kept} of them not run this time: their rows are an earlier run's).` : '.'),
    '',
    ...table(
      ['operation', 'batches', 'killed after', 'outcome'],
      r.kills.map((k) => [k.operation, String(k.batches), k.points.join('; '), k.outcome]),
    ),
  ],
  'resilience-replicas': (r) => [
    `Run of ${r.date} on PostgreSQL and Redis: ${r.replicas} API replicas (\`JOBS_WORKER=false\`) and one worker, ` +
      `${r.load.seconds} s of the mixed workload at ${r.load.connections} connections split between the replicas ` +
      `(${r.load.requests} requests, ${r.load.errors} errors, ${r.load.non2xx} non-2xx).`,
    '',
    `Scheduled ticks: **${r.ticks.length} ticks, ` +
      `${r.ticks.filter((t) => t.jobs === 1 && t.state === 'completed' && t.retries === 0).length} ran exactly once** ` +
      '(one job row per tick key, completed by the worker at its first attempt).',
    '',
    ...table(
      ['tick key', 'job rows', 'state', 'retries'],
      r.ticks.map((t) => [`\`${t.key}\``, String(t.jobs), t.state, String(t.retries)]),
    ),
    '',
    `Shared rate limit (Redis): a budget of ${r.rateLimit.budget} requests a minute, ${r.rateLimit.sent} requests ` +
      `alternating between the replicas: **${r.rateLimit.allowed} allowed** (${statuses(r.rateLimit.byReplica)}), ` +
      `${r.rateLimit.limited} answered 429.`,
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

/** An operation's name without its figures: `retention purge (11500 expired rows…)` → `retention purge`. */
const operationName = (operation) => operation.replace(/ \(.*$/, '');

/**
 * The killed-worker rows of this run, and the rows of the section's other operations as the
 * document has them: a run of one kill spec replaces its own row, not the whole table.
 */
function withEarlierKills(doc, kills) {
  const from = doc.indexOf('<!-- figures:resilience-worker-kills -->');
  const to = doc.indexOf('<!-- /figures:resilience-worker-kills -->');
  const ran = new Set(kills.map((k) => operationName(k.operation)));
  const earlier = (from < 0 || to < from ? '' : doc.slice(from, to))
    .split('\n')
    .map((line) => /^\| (.+?) \| (\d+) \| (.+?) \| (.+?) \|$/.exec(line))
    .filter((match) => match && !ran.has(operationName(match[1])))
    .map(([, operation, batches, points, outcome]) => ({
      operation,
      batches: Number(batches),
      points: points.split('; '),
      outcome,
    }));
  const all = [...kills, ...earlier].sort((a, b) => a.operation.localeCompare(b.operation));
  return { kills: all, kept: earlier.length };
}

/** Rewrites the sections whose fragments exist; answers their names. */
export function renderReliability(results, { wholeRun = false } = {}) {
  let doc = readFileSync(DOC, 'utf8');
  // Each killed-worker spec writes `worker-kill-<operation>`: one section holds them all.
  const kills = Object.keys(results)
    .filter((name) => name.startsWith('worker-kill-'))
    .sort()
    .map((name) => results[name]);
  if (kills.length) results = { ...results, 'resilience-worker-kills': withEarlierKills(doc, kills) };
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
