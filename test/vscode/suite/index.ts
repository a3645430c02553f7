/**
 * The mocha entry VS Code's extension host calls (extensionTestsPath): exports run().
 * The spec reporter's output also goes to $MOCHA_REPORT_FILE, because a remote extension
 * host's console (code-server) does not reach the runner's terminal.
 * PTL_TEST_SUITE=negative runs only the negative control, which must fail; =restricted the
 * restricted-mode suite (the runner opens the folder untrusted).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
// mocha@11 (CommonJS); 12 is ESM-only.
import Mocha from 'mocha';

export function run(): Promise<void> {
  const report = process.env.MOCHA_REPORT_FILE;
  if (report) {
    const base = Mocha.reporters.Base as unknown as { consoleLog: (...a: unknown[]) => void };
    const original = base.consoleLog;
    base.consoleLog = (...a: unknown[]) => {
      fs.appendFileSync(report, util.format(...a) + '\n');
      original(...a);
    };
  }
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60000, reporter: 'spec' });
  // PTL_TEST_SUITE: extension (default) | restricted (an untrusted workspace) | negative (must fail)
  mocha.addFile(path.join(__dirname, `${process.env.PTL_TEST_SUITE || 'extension'}.suite.js`));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} tests failed.`)) : resolve()));
  });
}
