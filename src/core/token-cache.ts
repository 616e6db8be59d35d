import type { Credential, GetCredentialOptions } from './contracts.ts';
import { cleanCredential } from './clean-credential.ts';
import { bearerCredential } from './credential.ts';

/** What a fetch returns: an IAM token and, where the source says, when it expires. */
export interface FetchedToken {
  readonly token: string;
  readonly expiresAt: Date | undefined;
}

export interface TokenCacheOptions {
  /** The clock, in ms since the epoch; tests pass their own. */
  readonly now?: () => number;
  /** A token already in hand (the resolver's probe got one): served until its refresh time. */
  readonly initial?: FetchedToken;
}

const HOUR_MS = 60 * 60 * 1000;
const EXPIRY_MARGIN_MS = 5 * 60 * 1000;

/** When a token obtained at `obtainedAt` should be replaced: min(obtained + 1 h, expires − 5 min). */
export function refreshTime(obtainedAt: number, expiresAt: number | undefined): number {
  const hourLater = obtainedAt + HOUR_MS;
  return expiresAt === undefined ? hourLater : Math.min(hourLater, expiresAt - EXPIRY_MARGIN_MS);
}

/**
 * Holds one credential's current IAM token and refreshes it on schedule, with exactly one fetch
 * in flight however many callers wait for it.
 */
export class TokenCache {
  private current: Credential | undefined;
  private inFlight: Promise<Credential> | undefined;
  private readonly now: () => number;

  constructor(
    private readonly fetchToken: () => Promise<FetchedToken>,
    options: TokenCacheOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    if (options.initial) this.current = this.toCredential(options.initial);
  }

  get(options: GetCredentialOptions = {}): Promise<Credential> {
    if (this.inFlight) return this.inFlight;
    const current = this.current;
    if (current && !options.forceRefresh && this.now() < refreshTime(current.obtainedAt.getTime(), current.expiresAt?.getTime())) {
      return Promise.resolve(current);
    }
    const fetching = this.fetchToken().then(
      (fetched) => {
        this.current = this.toCredential(fetched);
        this.inFlight = undefined;
        return this.current;
      },
      (error: unknown) => {
        this.inFlight = undefined;
        throw error;
      },
    );
    this.inFlight = fetching;
    return fetching;
  }

  /** Every source's token is checked like a typed one: a line break in it would break the header. */
  private toCredential(fetched: FetchedToken): Credential {
    return bearerCredential(cleanCredential(fetched.token, 'the fetched IAM token'), new Date(this.now()), fetched.expiresAt);
  }
}
