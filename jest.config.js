// Jest runs in native ESM mode (NestJS 12 is ESM): see scripts/test.mjs for the flags.
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true, tsx: false },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2023',
    keepClassNames: true,
  },
  module: { type: 'es6' },
  sourceMaps: 'inline',
};

// `npm run test:resilience` (scripts/test.mjs --resilience) sets this: the long fault tests
// (`*.resilience-spec.ts`, docs/reliability.md) run alone, one file at a time, since they
// measure load, memory and recovery times that a neighbour file would disturb.
const resilience = process.env.STEWARD_TEST_LANE === 'resilience';

/** @type {import('jest').Config} */
export default {
  rootDir: '.',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleNameMapper: {
    '^#(personal-data|crypto|testing|api-client|csv)$': '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testMatch: resilience
    ? ['<rootDir>/{apps,libs}/**/*.resilience-spec.ts']
    : [
        '<rootDir>/{apps,libs}/**/*.spec.ts',
        '<rootDir>/{apps,libs}/**/*.e2e-spec.ts',
        '<rootDir>/{apps,libs}/**/*.browser-spec.ts',
      ],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  globalSetup: '<rootDir>/libs/testing/src/global-setup.mjs',
  // Hooks too: a file's app starts in its beforeAll, which a busy 2-core CI machine slows.
  testTimeout: 90_000,
  // Test files wait on I/O (databases, Chromium) as much as on the CPU: one worker per core.
  maxWorkers: resilience ? 1 : process.env.CI ? 2 : '100%',
  // Native ESM mode keeps every file's module graph: a worker grew to 5 GB in one CI run and
  // its garbage collection starved the app starts (beforeAll past its timeout). A worker that
  // outgrows this after a file is replaced by a fresh one.
  workerIdleMemoryLimit: '1500MB',
  // A leaked handle must never hang CI; locally, Jest's open-handle warning points at it.
  forceExit: Boolean(process.env.CI),
};
