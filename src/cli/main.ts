// ycml-auth: the resolver on the command line. Kept small on purpose: with YC_API_KEY set it
// loads neither undici nor execa (they are imported lazily inside the methods that need them).
import { resolveCredential } from '../core/resolve-credential.ts';
import { redact } from '../core/redact.ts';
import { YcmlAuthError } from '../core/errors.ts';
import { HELP, parseArgs, UsageError, type CliArgs } from './parse-args.ts';
import { renderJson, renderText, type ResolveReport } from './render.ts';
import { shellQuote } from './shell-quote.ts';

async function main(argv: readonly string[]): Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`ycml-auth: ${error.message}\nRun "ycml-auth --help" for usage.\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(HELP);
    return 0;
  }

  const env = process.env;
  const secrets = [args.auth ?? ''];
  try {
    const { resolution, credential } = await resolveCredential({
      env,
      interactive: process.stdin.isTTY === true,
      auth: args.auth,
      keyFile: args.keyFile,
      profile: args.profile,
      endpoint: args.endpoint,
      iamEndpoint: args.iamEndpoint,
      ycPath: args.ycPath,
      onWarning: (message) => process.stderr.write(`ycml-auth: warning: ${message.trimEnd()}\n`),
    });
    const folderId = resolution.folderId ?? null;
    switch (args.command) {
      case 'resolve': {
        const report: ResolveReport = {
          method: resolution.auth.name,
          source: resolution.auth.source,
          expiresAt: credential.expiresAt?.toISOString() ?? null,
          folderId,
          trace: resolution.trace,
        };
        process.stdout.write(args.json ? renderJson(report) : renderText(report));
        break;
      }
      case 'token':
        process.stdout.write(`${credential.secret}\n`);
        break;
      case 'header':
        process.stdout.write(`${credential.authorization}\n`);
        break;
      case 'env': {
        const name = credential.kind === 'api-key' ? 'YC_API_KEY' : 'YC_IAM_TOKEN';
        let out = `export ${name}=${shellQuote(credential.secret)}\n`;
        if (folderId) out += `export YC_FOLDER_ID=${shellQuote(folderId)}\n`;
        process.stdout.write(out);
        break;
      }
    }
    return 0;
  } catch (error) {
    if (!(error instanceof YcmlAuthError)) {
      // A bug, not a user error: still one line, no stack, nothing secret.
      const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      process.stderr.write(`ycml-auth: internal error: ${redact(text, secrets)}\n`);
      return 1;
    }
    const message = redact(error.message, secrets);
    if (args.command === 'resolve' && args.json) {
      const report: ResolveReport = { method: null, source: null, expiresAt: null, folderId: null, trace: error.trace, error: message };
      process.stdout.write(renderJson(report));
    } else if (args.command === 'resolve') {
      process.stdout.write(renderText({ method: null, source: null, expiresAt: null, folderId: null, trace: error.trace }));
    }
    process.stderr.write(`ycml-auth: ${message}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`ycml-auth: internal error: ${redact(String(error), [])}\n`);
    process.exitCode = 1;
  },
);
