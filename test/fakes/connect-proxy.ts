// A tiny loopback HTTP CONNECT proxy that records each tunnel's target: proof that a request went
// through HTTP(S)_PROXY, or (with NO_PROXY) that it did not.
import { createServer } from 'node:http';
import { connect } from 'node:net';
import { closeServer, listenOnLoopback } from './listen.ts';

export interface ConnectProxy {
  readonly url: string;
  /** `host:port` of every CONNECT. */
  readonly tunnels: string[];
  close(): Promise<void>;
}

export async function startConnectProxy(): Promise<ConnectProxy> {
  const tunnels: string[] = [];
  const sockets = new Set<{ destroy(): void }>();
  const server = createServer((_req, res) => {
    res.writeHead(405);
    res.end();
  });
  server.on('connect', (req, client, head) => {
    const target = req.url ?? '';
    tunnels.push(target);
    const [host, port] = target.split(':');
    const upstream = connect(Number(port), host, () => {
      sockets.add(client).add(upstream);
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  return { url: `http://127.0.0.1:${await listenOnLoopback(server)}`, tunnels, close: () => {
    for (const socket of sockets) socket.destroy();
    return closeServer(server);
  } };
}
