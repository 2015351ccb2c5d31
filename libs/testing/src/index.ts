export { createTestApp, type TestApp, type TestAppOptions } from './app.js';
export { chromiumPath, describeInBrowser, launchBrowser } from './browser.js';
export { createTestDatabase, type TestDatabase } from './database.js';
export { expectProblem } from './problem.js';
