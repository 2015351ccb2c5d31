import { createServer, type Server, Socket } from 'node:net';

export interface DatabaseProxy {
  /** The database URL with the proxy's port: give it to the app as DATABASE_URL. */
  url: string;
  /** An outage: every open connection is cut and new ones are refused. */
  down(): Promise<void>;
  /** The database is back on the same address. */
  up(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A TCP proxy in front of the test database, so a test can take the database away from
 * the app (and give it back) without stopping a server other test files share.
 */
export async function startDatabaseProxy(databaseUrl: string): Promise<DatabaseProxy> {
  const target = new URL(databaseUrl);
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      if (server) return resolve();
      const listening = createServer((client) => {
        const upstream = new Socket();
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => {
            client.destroy();
            upstream.destroy();
          });
        }
        upstream.connect(Number(target.port || 5432), target.hostname, () => {
          client.pipe(upstream);
          upstream.pipe(client);
        });
      });
      server = listening;
      listening.once('error', (error) => {
        server = undefined;
        reject(error);
      });
      listening.listen(port, '127.0.0.1', () => {
        port = (listening.address() as { port: number }).port;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      if (!server) return resolve();
      server.close(() => resolve());
      server = undefined;
    });
  await listen();
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return { url: url.toString(), down: stop, up: listen, close: stop };
}
