// extensionTestsPath of the default session: a trusted workspace.
import { runSuite } from '../runner';

export function run(): Promise<void> {
  return runSuite('trusted', __dirname);
}
