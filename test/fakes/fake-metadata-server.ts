// A loopback stand-in for the VM metadata service's token endpoint, optionally under a path prefix
// (`YC_METADATA_ADDR=127.0.0.1:PORT/PREFIX`). Requires `Metadata-Flavor: Google`, as the real one.
import { createServer } from 'node:http';
import { sendAnswer, type FakeAnswer, type RecordedRequest } from './fake-iam-server.ts';
import { closeServer, listenOnLoopback } from './listen.ts';

export type MetadataBehaviour = (request: RecordedRequest, n: number) => FakeAnswer;

export interface FakeMetadataServer {
  readonly url: string;
  /** The value for YC_METADATA_ADDR: `127.0.0.1:PORT[/prefix]`. */
  readonly addr: string;
  readonly requests: RecordedRequest[];
  setBehaviour(behaviour: MetadataBehaviour): void;
  close(): Promise<void>;
}

export const TOKEN_PATH = '/computeMetadata/v1/instance/service-accounts/default/token';

export async function startFakeMetadataServer(options: { prefix?: string } = {}): Promise<FakeMetadataServer> {
  const prefix = options.prefix ? `/${options.prefix.replace(/^\/+/, '')}` : '';
  const requests: RecordedRequest[] = [];
  let behaviour: MetadataBehaviour = (_request, n) => ({
    status: 200,
    body: JSON.stringify({ access_token: `meta-token-${n}`, expires_in: 42055, token_type: 'Bearer' }),
  });
  const server = createServer((req, res) => {
    const request = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: '' };
    const n = requests.push(request) - 1;
    let answer: FakeAnswer;
    if (request.path !== prefix + TOKEN_PATH) answer = { status: 404, body: 'not found' };
    else if (req.headers['metadata-flavor'] !== 'Google') answer = { status: 403, body: 'missing Metadata-Flavor' };
    else answer = behaviour(request, n);
    sendAnswer(res, answer);
  });
  const port = await listenOnLoopback(server);
  return {
    url: `http://127.0.0.1:${port}`,
    addr: `127.0.0.1:${port}${prefix}`,
    requests,
    setBehaviour: (b) => {
      behaviour = b;
    },
    close: () => closeServer(server),
  };
}
