// The Node flags the API runs with: `npm start`, the image (Dockerfile NODE_OPTIONS, checked
// against this list by deployment-files.spec.ts) and the bench (bench/run/launch.mjs), so the
// bench measures the API as users run it; `npm test` runs the suite with the second. Measured in
// docs/benchmarks.md ("Before and after", issue 19):
// - --max-semi-space-size=16: a young generation large enough for a request's garbage (a page
//   of decrypted contacts, the query builders' objects) to die there instead of being copied
//   and promoted: fewer and cheaper scavenges.
// - --experimental-async-context-frame on Node 22 (the default from Node 24): AsyncLocalStorage
//   (the request context, the tenant scope, the logger's request binding) carried by V8's
//   continuation data instead of promise hooks, which ran on every promise of every request.

/** The flags for the Node that runs the process (`process.versions.node` unless told). */
export function apiNodeFlags(version = process.versions.node) {
  const major = Number(version.split('.')[0]);
  return ['--max-semi-space-size=16', ...(major < 24 ? ['--experimental-async-context-frame'] : [])];
}
