export declare const RUN_DIR_VARIABLE: string;
export declare const runDir: () => string | undefined;
export declare const MIN_CANARY_LENGTH: number;
export declare function recordLogLine(line: string): void;
export declare function recordCanary(kind: string, value: unknown): void;
export declare function readCanaries(dir?: string): Array<{ kind: string; value: string }>;
export declare function writeResult(name: string, data: unknown): void;
export declare function readResults(dir?: string): Record<string, unknown>;
export declare function listFiles(folder: string | undefined): string[];
