// The npm registry mirror reachable here lacks some foreign-platform builds of native
// packages (e.g. @swc/core-win32-x64-msvc). `npm install` then leaves them out of
// package-lock.json, and `npm ci` refuses the lock as "out of sync". This adds a stub
// entry for each missing optional dependency, which `npm ci` accepts and then skips
// (a failed optional install is not an error). Run after changing dependencies:
//   npm install && node scripts/complete-lockfile.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const packages = lock.packages;
let added = 0;
for (const [location, entry] of Object.entries(packages)) {
  for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${location}/node_modules/${name}`;
    const hoisted = `node_modules/${name}`;
    if (packages[nested] || packages[hoisted]) continue;
    packages[hoisted] = { version: range.replace(/^[\^~=]/, ''), dev: entry.dev, optional: true };
    if (!entry.dev) delete packages[hoisted].dev;
    added++;
  }
}
if (added > 0) {
  lock.packages = Object.fromEntries(
    Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
  );
  writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
}
console.log(added ? `Added ${added} stub entries for optional packages this registry lacks.` : 'Lock file complete.');
