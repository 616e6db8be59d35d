import type { Env } from './env.ts';
import { IamExchangeError } from './errors.ts';
import { proxyAgentFor } from './proxy-agent.ts';
import { redact } from './redact.ts';
import { parseRfc3339 } from './rfc3339.ts';
import type { FetchedToken } from './token-cache.ts';

export const DEFAULT_IAM_ENDPOINT = 'https://iam.api.cloud.yandex.net';

/** What IAM exchanges for an IAM token: a Yandex OAuth token or a service-account JWT. */
export type IamExchangeBody = { readonly yandexPassportOauthToken: string } | { readonly jwt: string };

export interface IamExchangeOptions {
  /** IAM API base URL, default `https://iam.api.cloud.yandex.net`. */
  readonly iamEndpoint?: string;
  /** Where HTTPS_PROXY / HTTP_PROXY / NO_PROXY are read from. */
  readonly env: Env;
  /** Per attempt; default 10 s. */
  readonly timeoutMs?: number;
  /** Attempts in all, default 4. */
  readonly maxAttempts?: number;
  /** First backoff delay, doubled per retry; default 250 ms (tests pass a few ms). */
  readonly backoffBaseMs?: number;
}

/** What every method that exchanges something at IAM (OAuth token, service-account key) is given. */
export interface IamExchangeMethodOptions {
  /** The environment the IAM call takes its proxy settings from. */
  readonly env: Env;
  /** IAM API base URL, default `https://iam.api.cloud.yandex.net`. */
  readonly iamEndpoint?: string;
  /** Where the credential came from, for people (a file path, `env YC_OAUTH_TOKEN`). */
  readonly source?: string;
  /** IAM call tuning (timeout, attempts, backoff); tests shorten it. */
  readonly iam?: Omit<IamExchangeOptions, 'env' | 'iamEndpoint'>;
  /** The clock; tests pass their own. */
  readonly now?: () => number;
}

/** `{iamEndpoint}/iam/v1/tokens`, rejecting an endpoint that is not an http(s) URL. */
export function iamTokensUrl(iamEndpoint: string = DEFAULT_IAM_ENDPOINT): string {
  let url: URL;
  try {
    url = new URL(iamEndpoint);
  } catch {
    throw new IamExchangeError(`IAM endpoint "${iamEndpoint}" is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new IamExchangeError(`IAM endpoint "${iamEndpoint}" is not an http(s) URL`);
  }
  return `${iamEndpoint.replace(/\/+$/, '')}/iam/v1/tokens`;
}

/** A failure worth another attempt (network, timeout, 429, 5xx), or a final one. */
class Attempt {
  constructor(
    readonly error: IamExchangeError,
    readonly retriable: boolean,
  ) {}
}

/**
 * Exchanges an OAuth token or a JWT for an IAM token via `POST {iam}/iam/v1/tokens`, retrying
 * with exponential backoff on network errors, timeouts, 429 and 5xx, never on other 4xx.
 */
export async function exchangeForIamToken(body: IamExchangeBody, options: IamExchangeOptions): Promise<FetchedToken> {
  const url = iamTokensUrl(options.iamEndpoint);
  const secret = 'jwt' in body ? body.jwt : body.yandexPassportOauthToken;
  const maxAttempts = Math.max(1, options.maxAttempts ?? 4);
  const backoffBaseMs = options.backoffBaseMs ?? 250;
  const agent = await proxyAgentFor(options.env);
  try {
    for (let attempt = 1; ; attempt++) {
      const outcome = await attemptExchange(url, body, secret, agent, options.timeoutMs ?? 10_000);
      if (!(outcome instanceof Attempt)) return outcome;
      if (!outcome.retriable || attempt >= maxAttempts) {
        if (outcome.retriable) outcome.error.message += ` (after ${attempt} attempts)`;
        throw outcome.error;
      }
      await new Promise((resolve) => setTimeout(resolve, backoffBaseMs * 2 ** (attempt - 1)));
    }
  } finally {
    // Keep-alive sockets would otherwise hold the CLI's process open.
    await agent.close();
  }
}

async function attemptExchange(
  url: string,
  body: IamExchangeBody,
  secret: string,
  agent: import('undici').Dispatcher,
  timeoutMs: number,
): Promise<FetchedToken | Attempt> {
  const { request } = await import('undici');
  let status: number;
  let text: string;
  try {
    const response = await request(url, {
      method: 'POST',
      dispatcher: agent,
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    status = response.statusCode;
    text = await response.body.text();
  } catch (error) {
    const what = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : describeNetworkError(error);
    return new Attempt(new IamExchangeError(`IAM token exchange at ${url} failed: ${what}`), true);
  }
  if (status === 429 || status >= 500) {
    return new Attempt(new IamExchangeError(`IAM token exchange at ${url} failed: HTTP ${status}`, status), true);
  }
  if (status !== 200) {
    const hint = status === 401 ? ' (the credential was rejected: expired, revoked or not a valid token)' : '';
    const detail = serverMessage(text, secret);
    return new Attempt(new IamExchangeError(`IAM token exchange at ${url} failed: HTTP ${status}${hint}${detail}`, status), false);
  }
  return parseIamAnswer(text, url);
}

/** The server's own `message`, shortened and redacted, for a rejected request. */
function serverMessage(text: string, secret: string): string {
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && 'message' in parsed && typeof parsed.message === 'string') {
      return `: ${redact(parsed.message, [secret]).slice(0, 200)}`;
    }
  } catch {
    // Not JSON: say nothing more than the status.
  }
  return '';
}

function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return 'network error';
  const code = (error as { code?: unknown }).code;
  const cause = (error as { cause?: { code?: unknown } }).cause;
  const detail = typeof code === 'string' ? code : typeof cause?.code === 'string' ? cause.code : error.name;
  return `network error (${detail})`;
}

/** `{iamToken, expiresAt}` from a 200 answer; anything else is a clear error, never an empty token. */
export function parseIamAnswer(text: string, url: string): FetchedToken {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new IamExchangeError(`IAM token exchange at ${url} answered with something that is not JSON`);
  }
  if (!parsed || typeof parsed !== 'object') throw new IamExchangeError(`IAM token exchange at ${url} answered with JSON that is not an object`);
  const { iamToken, expiresAt } = parsed as { iamToken?: unknown; expiresAt?: unknown };
  if (typeof iamToken !== 'string' || iamToken.trim() === '') {
    throw new IamExchangeError(`IAM token exchange at ${url} answered without an "iamToken"`);
  }
  if (expiresAt === undefined) return { token: iamToken.trim(), expiresAt: undefined };
  const expiry = typeof expiresAt === 'string' ? parseRfc3339(expiresAt) : undefined;
  if (!expiry) throw new IamExchangeError(`IAM token exchange at ${url} answered with an "expiresAt" that is not an RFC 3339 time`);
  return { token: iamToken.trim(), expiresAt: expiry };
}
