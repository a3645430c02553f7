// Runs a @vscode/test-electron-style mocha suite inside code-server's Node extension host:
// starts code-server, opens the workbench in headless Chromium with extensionDevelopmentPath /
// extensionTestsPath in the `payload` query parameter (code-server's CLI refuses them), and
// exits with the code the extension host reports through window.codeAutomationExit.
// Usage: node run-in-code-server.cjs <extensionDevelopmentPath> <extensionTestsPath> <workspaceFolder>
// Env: CODE_SERVER, PORT (8932), ARTIFACTS (logs), TEST_TIMEOUT_MS (180000), CHROMIUM, UNTRUSTED.
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const http = require('http');
const { chromium } = require('playwright-core');

const CODE_SERVER = process.env.CODE_SERVER || path.join(__dirname, '../../.test-work/code-server/node_modules/.bin/code-server');
const [extDev, extTests, folder] = process.argv.slice(2).map((p) => path.resolve(p));
const PORT = Number(process.env.PORT || 8932);
/** UNTRUSTED=1: workspace trust on and not granted (restricted mode). */
const untrusted = !!process.env.UNTRUSTED;
const OUT = process.env.ARTIFACTS || os.tmpdir();
const t0 = Date.now();
const ts = (m) => console.log(`[+${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);
const get = (url) => new Promise((res) => http.get(url, (r) => { r.resume(); res(r.statusCode); }).on('error', () => res(0)));

(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ptl-cstest-'));
  fs.mkdirSync(path.join(tmp, 'user/User'), { recursive: true });
  fs.writeFileSync(path.join(tmp, 'user/User/settings.json'), JSON.stringify({
    'telemetry.telemetryLevel': 'off', 'update.mode': 'none', 'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false, 'security.workspace.trust.enabled': untrusted,
    'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.emptyWindow': false,
    'workbench.startupEditor': 'none', 'git.enabled': false,
  }));
  const report = path.join(tmp, 'mocha.txt');
  const cs = spawn(CODE_SERVER, ['--bind-addr', `127.0.0.1:${PORT}`, '--auth', 'none',
    '--user-data-dir', path.join(tmp, 'user'), '--extensions-dir', path.join(tmp, 'ext'),
    '--disable-telemetry', '--disable-update-check', ...(untrusted ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override', '--ignore-last-opened'],
  { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'), XDG_DATA_HOME: path.join(tmp, 'xdg-data'), XDG_CACHE_HOME: path.join(tmp, 'xdg-cache'), MOCHA_REPORT_FILE: report } });
  const csLog = [];
  cs.stdout.on('data', (d) => csLog.push(d.toString()));
  cs.stderr.on('data', (d) => csLog.push(d.toString()));
  const cleanup = () => { try { cs.kill('SIGTERM'); } catch { /* gone */ } };
  process.on('exit', cleanup);
  let up = false;
  for (let i = 0; i < 240 && !up; i++) { up = (await get(`http://127.0.0.1:${PORT}/healthz`)) === 200; if (!up) await new Promise((r) => setTimeout(r, 250)); }
  if (!up) { console.log(csLog.join('')); throw new Error('code-server did not come up'); }
  ts('code-server up');

  const ctx = await chromium.launchPersistentContext(path.join(tmp, 'chromium'), {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = ctx.pages()[0] || await ctx.newPage();
  let resolveDone;
  const done = new Promise((resolve) => { resolveDone = resolve; });
  // The web workbench calls window.codeAutomationExit(code, logs) when the extension host's tests end.
  await page.exposeFunction('codeAutomationExit', (code, logs) => {
    const dir = path.join(OUT, 'cs-test-logs');
    fs.rmSync(dir, { recursive: true, force: true });
    for (const l of logs || []) {
      const f = path.join(dir, l.relativePath);
      fs.mkdirSync(path.dirname(f), { recursive: true });
      fs.writeFileSync(f, l.contents);
    }
    resolveDone(code);
  });
  page.on('console', (m) => { const t = m.text(); if (/PTL|ptl/.test(t) && !/^%c|ERR_|Failed to load resource/.test(t)) console.log('[browser]', t); });
  const auth = `127.0.0.1:${PORT}`;
  const payload = [
    ['extensionDevelopmentPath', `vscode-remote://${auth}${extDev}`],
    ['extensionTestsPath', `vscode-remote://${auth}${extTests}`],
    ['skipWelcome', 'true'],
  ];
  await page.goto(`http://${auth}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
  ts('workbench loading; waiting for the suite');
  const timeout = new Promise((r) => setTimeout(() => r('timeout'), Number(process.env.TEST_TIMEOUT_MS || 180000)));
  const code = await Promise.race([done, timeout]);
  ts(`extension host reported exit code: ${code}`);
  if (code === 'timeout') await page.screenshot({ path: path.join(OUT, 'cs-tests-timeout.png') });
  await ctx.close();
  cleanup();
  console.log(fs.existsSync(report) ? fs.readFileSync(report, 'utf8') : '(no mocha report written)');
  fs.writeFileSync(path.join(OUT, 'cs-tests-server.log'), csLog.join(''));
  fs.rmSync(tmp, { recursive: true, force: true });
  process.exit(code === 0 ? 0 : 1);
})().catch((e) => { console.error(e); process.exit(2); });
