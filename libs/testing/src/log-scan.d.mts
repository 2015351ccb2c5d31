export interface LogFinding {
  source: string;
  line: number;
  message: string;
  kinds: string[];
}
export declare const SECRET_SHAPES: Array<[string, RegExp]>;
export declare function scanLines(
  lines: string[],
  canaries: Array<{ kind: string; value: string }>,
  source?: string,
): LogFinding[];
export declare function scanRun(
  dir: string,
  canaries: Array<{ kind: string; value: string }>,
): { files: number; lines: number; canaries: number; findings: LogFinding[] };
