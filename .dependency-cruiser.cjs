/**
 * Import boundaries, checked by `npm run lint` in CI:
 * - only repositories, entities and database/ touch TypeORM;
 * - a context reaches another only through its exported service or module;
 * - the SPA reaches the server only through libs/api-client (and shares libs/csv's rules).
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'typeorm-only-in-repositories',
      comment:
        'Services and controllers stay persistence-agnostic: TypeORM lives in *.repository.ts, entities/ and database/.',
      severity: 'error',
      from: {
        path: '^apps/api/src/',
        pathNot: ['\\.repository\\.ts$', '/entities/', '^apps/api/src/database/', '\\.(e2e-|resilience-)?spec\\.ts$'],
      },
      to: { path: 'node_modules/typeorm/' },
    },
    {
      name: 'libs-do-not-use-typeorm',
      severity: 'error',
      from: { path: '^libs/(personal-data|crypto|api-client|csv)/' },
      to: { path: 'node_modules/typeorm/' },
    },
    {
      name: 'contexts-meet-through-services',
      comment:
        'A context uses another only through its exported service, module, DTOs, errors or types, never its repository, entities or tables.',
      severity: 'error',
      // database/entities.ts lists every entity for the data source; nothing else crosses.
      from: {
        path: '^apps/api/src/([^/]+)/',
        pathNot: ['\\.(e2e-|resilience-)?spec\\.ts$', '^apps/api/src/database/entities\\.ts$'],
      },
      to: {
        path: '^apps/api/src/([^/]+)/',
        pathNot: [
          '^apps/api/src/$1/',
          '^apps/api/src/(common|config)/',
          '^apps/api/src/database/[^/]+\\.(entity|service)\\.ts$',
          // Helpers every repository may use to talk to TypeORM faster (insert, lean reads).
          '^apps/api/src/database/(insert-entity|lean-rows|batch-delete|held-by|tenant-scope)\\.ts$',
          // A context's public files, at its top or one area down (crm/clients/clients.service.ts).
          '^apps/api/src/[^/]+/[^/]+\\.(service|module|dto|errors|types|decorators)\\.ts$',
          '^apps/api/src/[^/]+/[^/]+/[^/]+\\.(service|module|dto|errors|types|decorators)\\.ts$',
        ],
      },
    },
    {
      name: 'spa-only-through-api-client',
      comment:
        'The SPA talks to the server only through the typed client generated from the OpenAPI spec; libs/csv holds the CSV rules both sides read by.',
      severity: 'error',
      from: { path: '^apps/web/src/' },
      to: { path: '^(apps/api|libs/(?!api-client/|csv/))' },
    },
    {
      name: 'api-not-into-web',
      severity: 'error',
      from: { path: '^(apps/api|libs)/' },
      to: { path: '^apps/web/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|data)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['source', 'import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.d.ts', '.d.mts'],
    },
  },
};
