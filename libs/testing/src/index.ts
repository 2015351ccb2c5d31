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
export { createTestDatabase, type TestDatabase } from './database.js';
export { bearerFor, createOrganization, parseSetCookies, TEST_PASSWORD, type TestOrganization } from './factories.js';
export { linkIn, type MailCatcher, startMailCatcher } from './mail.js';
export { expectProblem } from './problem.js';
