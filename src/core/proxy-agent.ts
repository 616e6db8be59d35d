import type { Env } from './env.ts';

/**
 * An undici dispatcher honouring HTTPS_PROXY / HTTP_PROXY / NO_PROXY (either case) from `env`
 * only: the extension host's `process.env` is not the user's environment, and tests must not
 * inherit a proxy by accident.
 */
export async function proxyAgentFor(env: Env): Promise<import('undici').Dispatcher> {
  const { EnvHttpProxyAgent } = await import('undici');
  const pick = (name: string) => env[name.toLowerCase()] || env[name] || '';
  return new EnvHttpProxyAgent({
    httpProxy: pick('HTTP_PROXY'),
    httpsProxy: pick('HTTPS_PROXY'),
    noProxy: pick('NO_PROXY'),
  });
}
