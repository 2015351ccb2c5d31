// Preloaded (`--require`) into a built API process that a resilience test starts with
// `startApiProcess(…, { measureMemory: true })`, together with `--expose-gc`. On a message
// on the IPC channel it runs a full collection and answers the process's memory, so a test
// can tell live memory (what survives a GC) from what V8 has merely not collected yet.
// Test-only: the image and `npm start` never load it.
if (process.channel && typeof global.gc === 'function') {
  process.on('message', (message) => {
    if (message?.type !== 'steward:memory') return;
    global.gc();
    const usage = process.memoryUsage();
    process.send({ type: 'steward:memory', id: message.id, usage });
  });
  // Listening refs the channel; unref it so it never keeps the API alive on shutdown.
  process.channel.unref();
}
