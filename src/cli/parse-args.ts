// ycml-auth's command line: one command, then options (`--opt value` or `--opt=value`).

export type Command = 'resolve' | 'token' | 'header' | 'env';

export interface CliArgs {
  readonly command: Command | undefined;
  readonly help: boolean;
  readonly json: boolean;
  readonly auth?: string;
  readonly keyFile?: string;
  readonly profile?: string;
  readonly endpoint?: string;
  readonly iamEndpoint?: string;
  readonly ycPath?: string;
}

/** Bad usage: exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

const COMMANDS: readonly string[] = ['resolve', 'token', 'header', 'env'];

const VALUE_OPTIONS: Readonly<Record<string, keyof CliArgs>> = {
  '--auth': 'auth',
  '--key-file': 'keyFile',
  '--profile': 'profile',
  '--endpoint': 'endpoint',
  '--iam-endpoint': 'iamEndpoint',
  '--yc': 'ycPath',
};

export function parseArgs(argv: readonly string[]): CliArgs {
  const args: Record<string, unknown> = { command: undefined, help: false, json: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      args.help = true;
    } else if (arg === '--json') {
      args.json = true;
    } else if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq === -1 ? arg : arg.slice(0, eq);
      const key = VALUE_OPTIONS[name];
      if (!key) throw new UsageError(`unknown option ${name}`);
      const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
      if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
      if (args[key] !== undefined) throw new UsageError(`${name} given twice`);
      args[key] = value;
    } else if (args.command === undefined && COMMANDS.includes(arg)) {
      args.command = arg;
    } else {
      throw new UsageError(args.command === undefined ? `unknown command "${arg}"` : `unexpected argument "${arg}"`);
    }
  }
  const parsed = args as unknown as CliArgs;
  if (parsed.json && parsed.command !== 'resolve') throw new UsageError('--json applies to "resolve" only');
  if (!parsed.help && parsed.command === undefined) throw new UsageError('missing command (resolve, token, header or env)');
  return parsed;
}

export const HELP = `Usage: ycml-auth <command> [options]

Finds Yandex Cloud credentials exactly as the Yandex Cloud ML SDK does.

Commands:
  resolve [--json]   which method applies, its source, expiry, folder id and why
  token              print the bare credential (API key or IAM token)
  header             print the whole Authorization header value
  env                print export lines for eval: YC_API_KEY or YC_IAM_TOKEN, and YC_FOLDER_ID

Options:
  --auth STRING      explicit credential, classified like the SDK's auth string
  --key-file PATH    service-account authorized key JSON
  --profile P        yc profile (default YC_PROFILE, else yc's current one)
  --endpoint E       API endpoint the yc profile must be configured for
  --iam-endpoint URL IAM API (default https://iam.api.cloud.yandex.net)
  --yc PATH          yc executable (default yc on PATH)
  --help             this text

The yc CLI is tried only when stdin is a terminal, as in the SDK.
Exit status: 0 success, 1 no credentials or a method failed, 2 bad usage.
`;
