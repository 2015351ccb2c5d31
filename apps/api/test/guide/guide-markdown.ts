/**
 * The code blocks of a Markdown guide, and which of them run. The convention
 * (docs/api-guide.md says it to its readers):
 *
 * - ```bash blocks run in order, in one shell session: variables set in one block are there
 *   in the next. A line `# → …` after a command shows its answer (see answer-sketch.ts).
 * - ```js and ```ts blocks run with Node, with the session's variables in `process.env`.
 * - Any of them marked `no-run:` with a reason after it (```bash no-run: …) is shown, not run.
 * - Other languages (json, text) are data, never run.
 */
export type BlockLanguage = 'bash' | 'js' | 'ts' | 'data';

export interface GuideBlock {
  /** The headings above the block, outermost first. */
  headings: string[];
  /** 1-based line of the opening fence. */
  line: number;
  language: BlockLanguage;
  /** The raw info string after the fence. */
  info: string;
  code: string;
  /** The reason a runnable block is not run, when it is marked `no-run:`. */
  noRun?: string;
}

const LANGUAGES: Record<string, BlockLanguage> = {
  bash: 'bash',
  sh: 'bash',
  shell: 'bash',
  js: 'js',
  javascript: 'js',
  mjs: 'js',
  ts: 'ts',
  typescript: 'ts',
};

/** Fenced blocks, with their headings. Throws on a block marked `no-run` without a reason. */
export function readBlocks(markdown: string): GuideBlock[] {
  const lines = markdown.split('\n');
  const blocks: GuideBlock[] = [];
  const headings: string[] = [];
  for (let index = 0; index < lines.length; index++) {
    const heading = /^(#{1,6})\s+(.*)$/.exec(lines[index]);
    if (heading) {
      headings.splice(heading[1].length - 1, headings.length, heading[2].trim());
      continue;
    }
    const fence = /^(`{3,}|~{3,})\s*(.*)$/.exec(lines[index]);
    if (!fence) continue;
    const start = index;
    const body: string[] = [];
    for (index++; index < lines.length && !lines[index].startsWith(fence[1]); index++) body.push(lines[index]);
    const info = fence[2].trim();
    const [word = ''] = info.split(/\s+/);
    const language = LANGUAGES[word.toLowerCase()] ?? 'data';
    const marker = /\bno-run\b:?\s*(.*)$/.exec(info);
    if (marker && !marker[1].trim()) {
      throw new Error(`Line ${start + 1}: a no-run block must say why (\`\`\`${word} no-run: the reason)`);
    }
    blocks.push({
      headings: headings.filter(Boolean),
      line: start + 1,
      language,
      info,
      code: body.join('\n'),
      ...(marker ? { noRun: marker[1].trim() } : {}),
    });
  }
  return blocks;
}

/**
 * Commands shown outside any runnable block: an indented code block or a data block holding
 * `curl`. They could drift unseen, so the test refuses them: fence them as ```bash, run or
 * marked no-run with a reason.
 */
export function unfencedCommands(markdown: string, blocks: GuideBlock[]): string[] {
  const found: string[] = [];
  for (const block of blocks) {
    if (block.language === 'data' && /(^|\s)curl\s/m.test(block.code)) {
      found.push(`line ${block.line}: a \`\`\`${block.info || '(no language)'} block runs curl`);
    }
  }
  const inFence = new Set(blocks.flatMap((block) => block.code.split('\n').map((_, i) => block.line + 1 + i)));
  markdown.split('\n').forEach((text, index) => {
    if (!inFence.has(index + 1) && /^( {4}|\t)\s*curl\s/.test(text)) {
      found.push(`line ${index + 1}: an indented code block runs curl`);
    }
  });
  return found;
}
