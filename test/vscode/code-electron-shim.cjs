#!/usr/bin/env node
// Stand-in "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath }):
// VS Code's desktop build cannot be downloaded on these machines, so this accepts the desktop
// CLI's arguments and runs the same suite in code-server (run-in-code-server.cjs), exiting
// with the suite's exit code. Other flags (--no-sandbox, --user-data-dir=…) are ignored.
const { spawnSync } = require('child_process');
const path = require('path');
let dev, tests; const positional = [];
for (const a of process.argv.slice(2)) {
  let m;
  if ((m = /^--extensionDevelopmentPath=(.*)$/.exec(a))) dev = m[1];
  else if ((m = /^--extensionTestsPath=(.*)$/.exec(a))) tests = m[1];
  else if (!a.startsWith('-')) positional.push(a);
}
if (!dev || !tests) { console.error('shim: needs --extensionDevelopmentPath and --extensionTestsPath'); process.exit(2); }
const r = spawnSync(process.execPath, [path.join(__dirname, 'run-in-code-server.cjs'), dev, tests, positional[0] || dev], { stdio: 'inherit' });
process.exit(r.status ?? 1);
