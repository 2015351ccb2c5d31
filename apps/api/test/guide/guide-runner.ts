import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Expectation, mismatches, parseExpectation } from './answer-sketch.js';
import type { GuideBlock } from './guide-markdown.js';

/** One HTTP call a block made through curl, with what the guide said of it. */
export interface CurlCall {
  /** The arguments curl got (the URL among them). */
  args: string[];
  status: number;
  contentType: string;
  body: string;
  expectation?: Expectation;
  /** The `→` line, as written. */
  shown?: string;
}

export interface BlockOutcome {
  exitCode: number | string;
  stdout: string;
  stderr: string;
  calls: CurlCall[];
  /** Every way the block failed, readable; empty when it passed. */
  problems: string[];
}

/**
 * Runs the guide's blocks as a reader would paste them into one terminal: bash with real
 * curl, in a scratch directory, variables kept from block to block. A `curl` of our own,
 * first on PATH, calls the real one with `-D` to keep each answer's status and body, so a
 * block's `# → …` lines can be checked against what came back.
 */
export class GuideSession {
  private readonly dir: string;
  private readonly log: string;
  private readonly state: string;
  private readonly shims: string;
  private expectationCount = 0;

  constructor(
    root: string,
    private readonly env: Record<string, string>,
  ) {
    mkdirSync(root, { recursive: true });
    this.dir = mkdtempSync(join(resolve(root), 'guide-'));
    this.log = join(this.dir, 'log');
    this.state = join(this.dir, 'state.sh');
    this.shims = join(this.dir, 'bin');
    for (const dir of [this.log, this.shims, join(this.dir, 'work')]) mkdirSync(dir);
    writeFileSync(this.state, '');
    const realCurl = spawnSync('bash', ['-c', 'command -v curl'], { encoding: 'utf8' }).stdout.trim();
    if (!realCurl) throw new Error('curl is not installed: the guide test runs the examples with it');
    writeFileSync(join(this.shims, 'curl'), curlShim(realCurl));
    chmodSync(join(this.shims, 'curl'), 0o755);
  }

  /**
   * Runs a bash, js or ts block; the caller checks `problems`. Asynchronous: the API under
   * test serves from this same process, so its event loop must stay free while curl calls it.
   */
  async run(block: GuideBlock): Promise<BlockOutcome> {
    const before = this.callCount();
    const { script, shown } =
      block.language === 'bash'
        ? this.withExpectationMarks(block.code)
        : { script: this.nodeCommand(block), shown: [] };
    const path = join(this.dir, `block-${block.line}.sh`);
    writeFileSync(
      path,
      [
        'set -euo pipefail',
        `__guide_expect() { printf '%s %s\\n' "$1" "$(cat '${this.log}/count' 2>/dev/null || echo 0)" >> '${this.log}/expectations'; }`,
        'set -a',
        `source '${this.state}'`,
        script,
        // Only what the reader's shell would keep: variables, not bash's own read-only ones.
        `export -p | grep -Ev '^declare -[a-z]*r|^declare -x (_|BASH[A-Z_]*|SHELLOPTS|SHLVL|OLDPWD|PWD)=' > '${this.state}'`,
      ].join('\n'),
    );
    const result = await runProcess('bash', [path], {
      cwd: join(this.dir, 'work'),
      env: {
        PATH: `${this.shims}:${process.env.PATH}`,
        HOME: join(this.dir, 'work'),
        LANG: 'C.UTF-8',
        GUIDE_LOG: this.log,
        ...this.env,
      },
    });
    const calls = this.callsSince(before);
    const problems: string[] = [];
    if (result.status !== 0) {
      problems.push(`the block exited with ${result.status}: ${result.stderr.trim().slice(-2000)}`);
    }
    for (const [index, expectation] of this.expectationsSince(before, shown)) {
      if (!calls[index]) problems.push(`"→ ${expectation.text}" follows no curl call of this block`);
      else Object.assign(calls[index], { expectation: expectation.parsed, shown: expectation.text });
    }
    for (const call of calls) problems.push(...checkCall(call));
    return { exitCode: result.status, stdout: result.stdout, stderr: result.stderr, calls, problems };
  }

  close(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  /**
   * Marks each `# → …` line (and its `#   ` continuation lines) with a call that records which
   * curl call it follows, and parses what it shows.
   */
  private withExpectationMarks(code: string): { script: string; shown: { text: string; parsed: Expectation }[] } {
    const lines = code.split('\n');
    const out: string[] = [];
    const shown: { text: string; parsed: Expectation }[] = [];
    for (let index = 0; index < lines.length; index++) {
      const arrow = /^\s*#\s*→\s?(.*)$/.exec(lines[index]);
      if (!arrow) {
        out.push(lines[index]);
        continue;
      }
      const parts = [arrow[1]];
      const start = index;
      while (index + 1 < lines.length && /^\s*#\s{2,}\S/.test(lines[index + 1])) {
        parts.push(lines[++index].replace(/^\s*#/, ''));
      }
      const text = parts.join(' ').replace(/\s+/g, ' ').trim();
      const id = this.expectationCount++;
      shown[id] = { text, parsed: parseExpectation(text) };
      out.push(`__guide_expect ${id}`, ...lines.slice(start, index + 1));
    }
    return { script: out.join('\n'), shown };
  }

  private nodeCommand(block: GuideBlock): string {
    const file = join(this.dir, `block-${block.line}.${block.language === 'ts' ? 'mts' : 'mjs'}`);
    writeFileSync(file, block.code);
    const flags = block.language === 'ts' ? '--experimental-transform-types --no-warnings' : '--no-warnings';
    // Run from the repository, so that `#api-client` resolves as it does for the SPA.
    return `(cd '${process.cwd()}' && node ${flags} '${file}')`;
  }

  private callCount(): number {
    const file = join(this.log, 'count');
    return existsSync(file) ? Number(readFileSync(file, 'utf8')) : 0;
  }

  private callsSince(before: number): CurlCall[] {
    const calls: CurlCall[] = [];
    for (let n = before + 1; n <= this.callCount(); n++) {
      const headers = readFileSync(join(this.log, `${n}.headers`), 'utf8');
      // The last status line: after a `100 Continue` comes the real one.
      const statuses = [...headers.matchAll(/^HTTP\/[\d.]+ (\d{3})/gm)];
      calls.push({
        args: readFileSync(join(this.log, `${n}.args`), 'utf8')
          .split('\0')
          .filter(Boolean),
        status: Number(statuses.at(-1)?.[1] ?? 0),
        contentType: /^content-type:\s*(.*)$/im.exec(headers)?.[1].trim() ?? '',
        body: readFileSync(join(this.log, `${n}.body`), 'utf8'),
      });
    }
    return calls;
  }

  /** [index of the call among this block's calls, expectation] for each `→` this block passed. */
  private expectationsSince(
    before: number,
    shown: { text: string; parsed: Expectation }[],
  ): [number, { text: string; parsed: Expectation }][] {
    const file = join(this.log, 'expectations');
    if (!existsSync(file)) return [];
    const marks = readFileSync(file, 'utf8').trim().split('\n');
    writeFileSync(file, '');
    return marks
      .filter(Boolean)
      .map((mark) => mark.split(' ').map(Number))
      .filter(([id]) => shown[id])
      .map(([id, count]) => [count - before - 1, shown[id]]);
  }
}

/** The answer must be what the guide shows, or a 2xx where it shows nothing. */
function checkCall(call: CurlCall): string[] {
  const url = call.args.find((arg) => /^https?:\/\//.test(arg)) ?? call.args.join(' ');
  const where = `curl ${url}${call.shown ? ` (→ ${call.shown})` : ''}`;
  const { status, body } = call.expectation ?? {};
  if (status !== undefined ? call.status !== status : call.status < 200 || call.status > 299) {
    return [`${where}: answered ${call.status}, expected ${status ?? 'a 2xx'}: ${call.body.slice(0, 600)}`];
  }
  if (!body) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(call.body);
  } catch {
    return [`${where}: the answer is not JSON (${call.contentType}): ${call.body.slice(0, 300)}`];
  }
  const differences = mismatches(body, parsed);
  return differences.length ? [`${where}: the answer differs:\n  ${differences.join('\n  ')}`] : [];
}

/** Our `curl`: the real one, keeping each call's arguments, headers and body in the log. */
function curlShim(realCurl: string): string {
  return `#!/usr/bin/env bash
set -o pipefail
n=$(( $(cat "$GUIDE_LOG/count" 2>/dev/null || echo 0) + 1 ))
echo "$n" > "$GUIDE_LOG/count"
printf '%s\\0' "$@" > "$GUIDE_LOG/$n.args"
: > "$GUIDE_LOG/$n.body"
'${realCurl}' -D "$GUIDE_LOG/$n.headers" "$@" | tee "$GUIDE_LOG/$n.body"
`;
}

const BLOCK_TIMEOUT_MS = 60_000;

/** A child process to its end (killed past the timeout), with its output. */
function runProcess(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<{ status: number | string; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), BLOCK_TIMEOUT_MS);
    child.once('error', reject);
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ status: code ?? `killed by ${signal} after ${BLOCK_TIMEOUT_MS} ms`, stdout, stderr });
    });
  });
}
