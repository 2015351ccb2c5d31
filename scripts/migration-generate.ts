import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions, runMigrations } from '../apps/api/src/database/data-source.js';
import { startEmbeddedPostgres } from '../apps/api/src/database/embedded-postgres.js';

/**
 * `npm run migration:generate -- AddThing`: migrates a throwaway embedded database, asks
 * TypeORM for the difference between the entities and that schema, and writes it as a
 * new migration registered in migrations/index.ts. Read it, commit it; never edit it
 * after it has landed.
 */
const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error('Usage: npm run migration:generate -- PascalCaseName');
  process.exit(1);
}
const dir = mkdtempSync(join(tmpdir(), 'steward-migration-'));
const embedded = await startEmbeddedPostgres({ dataDir: dir });
try {
  await runMigrations(embedded.url);
  const dataSource = new DataSource(dataSourceOptions(embedded.url, 1));
  await dataSource.initialize();
  const sql = await dataSource.driver.createSchemaBuilder().log();
  await dataSource.destroy();
  if (sql.upQueries.length === 0) {
    console.log('Entities and migrations match: nothing to generate.');
  } else {
    const timestamp = Date.now();
    const render = (queries: { query: string; parameters?: unknown[] }[]) =>
      queries
        .map(({ query, parameters }) =>
          parameters?.length
            ? `    await queryRunner.query(${JSON.stringify(query)}, ${JSON.stringify(parameters)});`
            : `    await queryRunner.query(${JSON.stringify(query)});`,
        )
        .join('\n');
    const file = `apps/api/src/database/migrations/${timestamp}-${name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}.ts`;
    writeFileSync(
      file,
      `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${timestamp} implements MigrationInterface {
  name = '${name}${timestamp}';

  async up(queryRunner: QueryRunner): Promise<void> {
${render(sql.upQueries)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${render([...sql.downQueries].reverse())}
  }
}
`,
    );
    registerMigration(`${name}${timestamp}`, file.split('/').pop()?.replace(/\.ts$/, '.js') as string);
    console.log(`Wrote ${file} and registered it in migrations/index.ts: read it before committing.`);
  }
} finally {
  await embedded.close();
  rmSync(dir, { recursive: true, force: true });
}

/** Appends the new migration to the ordered list in migrations/index.ts, rewriting the list. */
function registerMigration(className: string, fileName: string): void {
  const index = 'apps/api/src/database/migrations/index.ts';
  const source = readFileSync(index, 'utf8');
  const imports = [...source.matchAll(/^import \{ (\w+) \} from '(\.\/[^']+)';$/gm)].map(([, name, path]) => ({
    name,
    path,
  }));
  imports.push({ name: className, path: `./${fileName}` });
  const list = imports.map(({ name }) => `  ${name},`).join('\n');
  writeFileSync(
    index,
    `${imports.map(({ name, path }) => `import { ${name} } from '${path}';`).join('\n')}

/** In order. Generated with \`npm run migration:generate\`, read, committed, never edited. */
export const MIGRATIONS = [
${list}
];
`,
  );
}
