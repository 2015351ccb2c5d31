export { createTestApp, type TestApp, type TestAppOptions } from './app.js';
export {
  type AxeViolation,
  axeViolations,
  type BrowserHarness,
  chromiumPath,
  describeInBrowser,
  horizontalOverflow,
  launchBrowser,
  NARROW_PHONE,
  PHONE,
  startBrowserHarness,
  submitSignInForm,
} from './browser.js';
export { DAY_MS, TestClock } from './clock.js';
export { createEmptyDatabase, createTestDatabase, type TestDatabase } from './database.js';
export { type DatabaseProxy, startDatabaseProxy } from './database-proxy.js';
export {
  bearerFor,
  createOrganization,
  eraseSubject,
  eraseWithProvider,
  parseSetCookies,
  placeInBranches,
  runRetentionRule,
  TEST_PASSWORD,
  type TestOrganization,
} from './factories.js';
export { linkIn, type MailCatcher, startMailCatcher } from './mail.js';
export { pdfText } from './pdf.js';
export { expectProblem } from './problem.js';
export {
  type ApiProcess,
  freePort,
  killHard,
  type LiveMemory,
  median,
  type PostgresCluster,
  rssMb,
  sampleRss,
  startApiProcess,
  startPostgresCluster,
} from './processes.js';
export { startWorker, waitFor } from './worker.js';
export {
  type LoadFigures,
  type LoadTenant,
  loadTenant,
  mixedWorkload,
  type ResponseHook,
  runLoad,
} from './workload.js';
