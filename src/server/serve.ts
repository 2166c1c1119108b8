import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { type AppOptions, buildApp } from './app';

export type ServeOptions = AppOptions & {
  /** 0 picks a free port; the chosen one is in the result. */
  port: number;
  host: string;
};

export type RunningServer = {
  app: FastifyInstance;
  port: number;
  /** The base URL to open, e.g. http://127.0.0.1:3000 (localhost when listening on every interface). */
  url: string;
  /** Stops accepting connections and waits for requests in flight; the database stays open. */
  close(): Promise<void>;
};

export class PortInUseError extends Error {
  constructor(
    readonly host: string,
    readonly port: number,
  ) {
    super(`Port ${port} on ${host} is already in use; stop the other program or pick another port (--port).`);
    this.name = 'PortInUseError';
  }
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

/** Builds the app and listens. */
export async function serve(options: ServeOptions): Promise<RunningServer> {
  const { port, host, ...appOptions } = options;
  const app = await buildApp(appOptions);
  try {
    await app.listen({ port, host });
  } catch (err) {
    await app.close();
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new PortInUseError(host, port);
    throw err;
  }
  const actual = (app.server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  return {
    app,
    port: actual,
    url: `http://${urlHost(host)}:${actual}`,
    close: () => {
      closing ??= app.close();
      return closing;
    },
  };
}

export type ShutdownOptions = {
  signals?: NodeJS.Signals[];
  /** Told which signal arrived, before shutting down. */
  onSignal?: (signal: NodeJS.Signals) => void;
  /** Called when a second signal arrives while shutting down; default: exit at once with code 130. */
  onForce?: (signal: NodeJS.Signals) => void;
};

/**
 * Resolves once SIGINT or SIGTERM arrived and `shutdown` (close the app, then the database — which
 * releases the data-folder lock) has finished. A second signal during shutdown forces an exit.
 */
export function closeOnSignal(
  shutdown: () => Promise<void>,
  options: ShutdownOptions = {},
): Promise<NodeJS.Signals> {
  const signals = options.signals ?? ['SIGINT', 'SIGTERM'];
  return new Promise((resolve, reject) => {
    let received: NodeJS.Signals | undefined;
    const onSignal = (signal: NodeJS.Signals) => {
      if (received) {
        if (options.onForce) options.onForce(signal);
        else process.exit(130);
        return;
      }
      received = signal;
      options.onSignal?.(signal);
      shutdown().then(
        () => {
          for (const s of signals) process.off(s, onSignal);
          resolve(signal);
        },
        (err: unknown) => {
          for (const s of signals) process.off(s, onSignal);
          reject(err);
        },
      );
    };
    for (const s of signals) process.on(s, onSignal);
  });
}
