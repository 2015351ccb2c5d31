import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * "Now" comes from the injected `Clock` (common/clock.ts), so tests can move time instead of
 * sleeping. This check keeps the wall clock out of apps/api/src: a file that reads it fails
 * here, named with its lines.
 */
const SOURCE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Reads of the wall clock: `new Date()` (no argument) and `Date.now()`. */
const WALL_CLOCK = /\bnew Date\(\s*\)|\bDate\.now\(\s*\)/;

/**
 * Files allowed to read the wall clock, each with its reason (paths relative to apps/api/src).
 * Shrink it: an entry whose file no longer reads the wall clock fails the check below.
 */
const WALL_CLOCK_ALLOWED: ReadonlyArray<{ file: string; reason: string }> = [
  { file: 'common/clock.ts', reason: 'the SystemClock itself: the one place that reads the wall clock' },
  { file: 'main.ts', reason: 'start-up timing for the "ready in …s" banner, not a business time' },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    const isSource = entry.name.endsWith('.ts') && !/\.(e2e-|browser-|resilience-)?spec\.ts$/.test(entry.name);
    return isSource ? [path] : [];
  });
}

/** `file:line` of every wall-clock read outside comments. */
function wallClockReads(file: string): string[] {
  const rel = relative(SOURCE_ROOT, file);
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, index) => {
      const code = line.trimStart();
      if (code.startsWith('//') || code.startsWith('*') || code.startsWith('/*')) return [];
      return WALL_CLOCK.test(line) ? [`${rel}:${index + 1}: ${code}`] : [];
    });
}

describe('wall clock', () => {
  const allowed = new Set(WALL_CLOCK_ALLOWED.map((entry) => entry.file));
  const reads = new Map(sourceFiles(SOURCE_ROOT).map((file) => [relative(SOURCE_ROOT, file), wallClockReads(file)]));

  it('should find a read of the wall clock when a line has one', () => {
    expect(WALL_CLOCK.test('const now = new Date();')).toBe(true);
    expect(WALL_CLOCK.test('expiresAt: new Date(Date.now() + 60_000)')).toBe(true);
    expect(WALL_CLOCK.test("const at = new Date('2026-01-01');")).toBe(false);
    expect(WALL_CLOCK.test('const now = this.clock.now();')).toBe(false);
  });

  it('should read "now" only from the injected Clock in apps/api/src', () => {
    const offending = [...reads].filter(([file]) => !allowed.has(file)).flatMap(([, lines]) => lines);
    expect(offending).toEqual([]);
  });

  it('should list only files that still read the wall clock as allowed', () => {
    const stale = WALL_CLOCK_ALLOWED.filter((entry) => !reads.get(entry.file)?.length).map((entry) => entry.file);
    expect(stale).toEqual([]);
  });
});
