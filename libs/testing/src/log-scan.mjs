// Plain ESM: scripts/test.mjs runs it after Jest over every log line of the run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles, MIN_CANARY_LENGTH } from './run-record.mjs';

/** Secrets with a recognisable shape, found even when no test recorded them. */
export const SECRET_SHAPES = [
  ['jwt', /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/],
  ['password-hash', /\$argon2(id|i|d)\$[^"\s]*/],
  ['api-key', /stw_[0-9a-f]{10}_[A-Za-z0-9_-]{20,}/],
  ['bearer-header', /Bearer [A-Za-z0-9._~+/-]{16,}/],
];

/**
 * Finds canary values (secrets and personal values the tests created) and secret shapes
 * in log lines. Each finding names the line's file, number, message and the canary's kind,
 * never the value itself, so the report does not leak what it found.
 */
export function scanLines(lines, canaries, source = 'log') {
  // Index canaries by their first MIN_CANARY_LENGTH characters: one map look-up per position
  // of each line, however many canaries there are.
  const byHead = new Map();
  for (const { kind, value } of canaries) {
    if (typeof value !== 'string' || value.length < MIN_CANARY_LENGTH) continue;
    const head = value.slice(0, MIN_CANARY_LENGTH);
    const list = byHead.get(head) ?? [];
    if (!list.some((entry) => entry.value === value)) list.push({ kind, value });
    byHead.set(head, list);
  }
  const findings = [];
  lines.forEach((line, index) => {
    const found = new Map();
    for (let at = 0; at + MIN_CANARY_LENGTH <= line.length; at++) {
      const candidates = byHead.get(line.slice(at, at + MIN_CANARY_LENGTH));
      if (!candidates) continue;
      for (const { kind, value } of candidates) if (line.startsWith(value, at)) found.set(value, kind);
    }
    for (const [kind, shape] of SECRET_SHAPES) {
      const match = shape.exec(line);
      if (match) found.set(match[0], kind);
    }
    if (!found.size) return;
    // The message names the line; whatever it found is masked out of it.
    let message = messageOf(line);
    for (const [value, kind] of found) message = message.split(value).join(`[${kind}]`);
    findings.push({
      source,
      line: index + 1,
      message: message.slice(0, 120),
      kinds: [...new Set(found.values())].sort(),
    });
  });
  return findings;
}

/** Scans every log file of a run directory. */
export function scanRun(dir, canaries) {
  const folder = join(dir, 'logs');
  let lines = 0;
  const findings = [];
  for (const file of listFiles(folder)) {
    const fileLines = readFileSync(join(folder, file), 'utf8').split('\n').filter(Boolean);
    lines += fileLines.length;
    findings.push(...scanLines(fileLines, canaries, file));
  }
  return { files: listFiles(folder).length, lines, canaries: canaries.length, findings };
}

/** The line's message key (pino's `msg`, with its context), never its values. */
function messageOf(line) {
  try {
    const parsed = JSON.parse(line);
    const text = typeof parsed.msg === 'string' ? parsed.msg : '(no msg)';
    return `${parsed.context ?? ''}${parsed.context ? ': ' : ''}${text}`;
  } catch {
    return '(not JSON)';
  }
}
