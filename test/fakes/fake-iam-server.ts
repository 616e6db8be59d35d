// A loopback stand-in for `POST /iam/v1/tokens`. By default it issues `iam-token-N` and, for a
// JWT, verifies the PS256 signature and claims against keys registered with addServiceAccountKey.
import { constants, verify, type KeyObject } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import { closeServer, listenOnLoopback } from './listen.ts';

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** What the server answers; `delayMs` holds the answer back (to test timeouts and concurrency). */
export interface FakeAnswer {
  readonly status: number;
  readonly body: string;
  readonly delayMs?: number;
  /** Called just before the answer goes out (to observe what else happened meanwhile). */
  readonly beforeSend?: () => void;
}

/** Writes a fake's answer, after its delay; a client that gave up meanwhile gets nothing. */
export function sendAnswer(res: ServerResponse, answer: FakeAnswer): void {
  const send = () => {
    if (res.destroyed) return;
    answer.beforeSend?.();
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(answer.body);
  };
  if (answer.delayMs) setTimeout(send, answer.delayMs);
  else send();
}

/** Decides the answer to the n-th request (0-based). */
export type IamBehaviour = (request: RecordedRequest, n: number) => FakeAnswer;

export interface FakeIamServer {
  /** Base URL, e.g. `http://127.0.0.1:PORT`, to pass as the IAM endpoint. */
  readonly url: string;
  readonly requests: RecordedRequest[];
  setBehaviour(behaviour: IamBehaviour): void;
  addServiceAccountKey(keyId: string, serviceAccountId: string, publicKey: KeyObject): void;
  close(): Promise<void>;
}

export const FAKE_EXPIRES_AT = '2099-01-02T03:04:05.123456789Z';

export async function startFakeIamServer(): Promise<FakeIamServer> {
  const requests: RecordedRequest[] = [];
  const keys = new Map<string, { serviceAccountId: string; publicKey: KeyObject }>();
  let url = '';
  const issue: IamBehaviour = (request, n) => {
    let body: { yandexPassportOauthToken?: string; jwt?: string };
    try {
      body = JSON.parse(request.body);
    } catch {
      return { status: 400, body: '{"message":"bad json"}' };
    }
    if (body.jwt !== undefined) {
      const problem = checkJwt(body.jwt, keys, `${url}/iam/v1/tokens`);
      if (problem) return { status: 401, body: JSON.stringify({ message: problem }) };
    } else if (!body.yandexPassportOauthToken) {
      return { status: 400, body: '{"message":"no credential"}' };
    }
    return { status: 200, body: JSON.stringify({ iamToken: `iam-token-${n}`, expiresAt: FAKE_EXPIRES_AT }) };
  };
  let behaviour = issue;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString() };
      const n = requests.push(request) - 1;
      const answer = request.method === 'POST' && request.path === '/iam/v1/tokens' ? behaviour(request, n) : { status: 404, body: '{}' };
      sendAnswer(res, answer);
    });
  });
  url = `http://127.0.0.1:${await listenOnLoopback(server)}`;
  return {
    url,
    requests,
    setBehaviour: (b) => {
      behaviour = b;
    },
    addServiceAccountKey: (keyId, serviceAccountId, publicKey) => keys.set(keyId, { serviceAccountId, publicKey }),
    close: () => closeServer(server),
  };
}

/** Why a JWT is not acceptable, or undefined when it is. */
function checkJwt(jwt: string, keys: Map<string, { serviceAccountId: string; publicKey: KeyObject }>, audience: string): string | undefined {
  const parts = jwt.split('.');
  if (parts.length !== 3) return 'jwt has not three parts';
  const [header, claims] = parts.slice(0, 2).map((p) => JSON.parse(Buffer.from(p, 'base64url').toString()));
  if (header.typ !== 'JWT' || header.alg !== 'PS256') return 'bad jwt header';
  const key = keys.get(header.kid);
  if (!key) return 'unknown kid';
  const signed = verify('sha256', Buffer.from(`${parts[0]}.${parts[1]}`), {
    key: key.publicKey,
    padding: constants.RSA_PKCS1_PSS_PADDING,
    saltLength: 32,
  }, Buffer.from(parts[2], 'base64url'));
  if (!signed) return 'bad signature';
  if (claims.iss !== key.serviceAccountId) return 'bad iss';
  if (claims.aud !== audience) return 'bad aud';
  const now = Date.now() / 1000;
  if (!(claims.iat <= now + 5 && claims.exp > now && claims.exp - claims.iat <= 3600)) return 'bad iat/exp';
  return undefined;
}
