import { inflateSync } from 'node:zlib';

/**
 * The text a PDF shows, as far as tests need it: the strings of every content stream
 * (inflated when compressed), in order. PDFKit writes the standard fonts' text as hex
 * strings of Windows-1252 codes (`[<496e766f696365> 20 <...>] TJ`), other writers as
 * literal strings; both are read. Not a PDF parser: enough to find an invoice's number.
 */
export function pdfText(pdf: Buffer): string {
  const parts: string[] = [];
  const source = pdf.toString('latin1');
  const streams = /(?<!end)stream\r?\n/g;
  for (let match = streams.exec(source); match; match = streams.exec(source)) {
    const start = match.index + match[0].length;
    const end = source.indexOf('endstream', start);
    if (end < 0) break;
    const raw = pdf.subarray(start, end);
    let content: string;
    try {
      content = inflateSync(raw).toString('latin1');
    } catch {
      content = raw.toString('latin1');
    }
    for (const token of content.matchAll(/<([0-9a-fA-F\s]+)>|\(((?:\\.|[^\\)])*)\)/g)) {
      parts.push(
        token[1] !== undefined
          ? Buffer.from(token[1].replace(/\s/g, ''), 'hex').toString('latin1')
          : token[2].replace(/\\(.)/g, '$1'),
      );
    }
    streams.lastIndex = end + 'endstream'.length;
  }
  return parts.join('');
}
