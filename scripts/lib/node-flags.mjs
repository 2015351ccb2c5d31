// The Node flags the API runs with: `npm start`, the image (Dockerfile NODE_OPTIONS, checked
// against this list by deployment-files.spec.ts) and the bench (bench/run/launch.mjs), so the
// bench measures the API as users run it; `npm test` runs the suite with the second. Measured in
// docs/benchmarks.md ("Before and after", issue 19):
// - --max-semi-space-size=32: a young generation large enough for a request's garbage (a page
//   of decrypted contacts, the query builders' objects) to die there instead of being copied
//   and promoted: fewer and cheaper scavenges. Against 16 MB, in paired runs: the first page
//   1.76-1.81x the baseline's CPU instead of 2.05-2.12x, job status the same, RSS under load
//   about 35 MB higher (bench/run/notes.md). A capped old space (--max-old-space-size=160)
//   cost CPU (first page 1.88x -> 2.40x) and is not used.
// - --experimental-async-context-frame on Node 22 (the default from Node 24): AsyncLocalStorage
//   (the request context, the tenant scope, the logger's request binding) carried by V8's
//   continuation data instead of promise hooks, which ran on every promise of every request.

/** The flags for the Node that runs the process (`process.versions.node` unless told). */
export function apiNodeFlags(version = process.versions.node) {
  const major = Number(version.split('.')[0]);
  return ['--max-semi-space-size=32', ...(major < 24 ? ['--experimental-async-context-frame'] : [])];
}
