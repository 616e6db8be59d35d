// extensionTestsPath of the Restricted Mode session: the workspace folder is not trusted.
import { runSuite } from '../runner';

export function run(): Promise<void> {
  return runSuite('untrusted', __dirname);
}
