// A metadata-compatible token endpoint on 127.0.0.1. Terminals get its address as YC_METADATA_ADDR,
// so the SDK's MetadataAuth fetches a fresh IAM token on every refresh and no token ever sits in a
// terminal's environment. The random path prefix keeps other local users and web pages from
// guessing the URL; the Metadata-Flavor header and the Host check stop browsers (DNS rebinding,
// simple cross-origin GETs) from reading it.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const METADATA_TOKEN_PATH = '/computeMetadata/v1/instance/service-accounts/default/token';

export interface ServedToken {
  readonly token: string;
  /** Seconds the token stays valid, as the metadata service reports it. */
  readonly expiresInSeconds: number;
}

export interface TokenServerOptions {
  /** Called for every authorised request; a rejection answers 503 without details. */
  readonly getToken: () => Promise<ServedToken>;
  /** Told about every request, never about the token. */
  readonly onRequest?: (outcome: { status: number; reason: string }) => void;
}

export interface TokenServer {
  /** `127.0.0.1:PORT/PREFIX`, the value for YC_METADATA_ADDR. */
  readonly address: string;
  readonly port: number;
  close(): Promise<void>;
}

export async function startTokenServer(options: TokenServerOptions): Promise<TokenServer> {
  const prefix = randomBytes(18).toString('base64url');
  let port = 0;
  const server = createServer((req, res) => {
    void handle(req, res, prefix, port, options);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  server.unref();
  return {
    address: `127.0.0.1:${port}/${prefix}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, prefix: string, port: number, options: TokenServerOptions): Promise<void> {
  const refuse = (status: number, reason: string) => {
    options.onRequest?.({ status, reason });
    res.writeHead(status, { 'Content-Type': 'text/plain' }).end(reason + '\n');
  };
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!allowedHosts.includes(req.headers.host ?? '')) return refuse(403, 'unexpected Host header');
  if (req.method !== 'GET') return refuse(405, 'only GET is served');
  if (req.url !== `/${prefix}${METADATA_TOKEN_PATH}`) return refuse(404, 'not found');
  if (req.headers['metadata-flavor'] !== 'Google') return refuse(403, 'Metadata-Flavor: Google header required');
  let served: ServedToken;
  try {
    served = await options.getToken();
  } catch {
    return refuse(503, 'no IAM token available; see the Yandex Cloud ML log in VS Code');
  }
  options.onRequest?.({ status: 200, reason: 'token served' });
  const body = JSON.stringify({ access_token: served.token, expires_in: Math.max(0, Math.floor(served.expiresInSeconds)), token_type: 'Bearer' });
  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', 'Metadata-Flavor': 'Google' }).end(body);
}
