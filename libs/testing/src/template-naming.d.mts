export declare function migrationsHash(): string;
export declare const serverUrl: () => string | undefined;
export declare const templateDatabaseName: (hash: string) => string;
export declare const pgliteTemplatePath: (hash: string) => string;
export declare function withDatabase(url: string, database: string): string;
