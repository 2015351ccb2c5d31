export { createTestApp, type TestApp, type TestAppOptions } from './app.js';
export { createTestDatabase, type TestDatabase } from './database.js';
export { expectProblem } from './problem.js';
