// Loaded with `node --require` before the CLI or the server: refuses the network modules,
// makes every network, DNS and process-spawning call throw, and records both, and every
// file read, in PTL_HOOK_LOG (one JSON line each).
const fs = require('node:fs');
const Module = require('node:module');
const log = process.env.PTL_HOOK_LOG;
const record = (kind, what) => {
  if (log) fs.appendFileSync(log, `${JSON.stringify({ kind, what: String(what) })}\n`);
};
const FORBIDDEN = new Set(['http', 'https', 'http2', 'dns', 'tls', 'dgram', 'undici', 'node:http', 'node:https', 'node:http2', 'node:dns', 'node:tls', 'node:dgram']);
const load = Module._load;
Module._load = function (request, ...rest) {
  if (FORBIDDEN.has(request)) {
    record('require', request);
    throw new Error(`no network: require(${request})`);
  }
  return load.call(this, request, ...rest);
};
const trap = (obj, names, kind) => {
  for (const name of names) {
    if (typeof obj[name] !== 'function') continue;
    obj[name] = function () {
      record(kind, name);
      throw new Error(`forbidden: ${kind}.${name}`);
    };
  }
};
trap(require('node:net'), ['connect', 'createConnection', 'createServer'], 'net');
trap(require('node:net').Socket.prototype, ['connect'], 'net');
trap(require('node:child_process'), ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'], 'child_process');
globalThis.fetch = function () {
  record('fetch', arguments[0]);
  throw new Error('no network: fetch');
};
for (const name of ['readFileSync', 'openSync', 'readFile', 'open', 'createReadStream']) {
  const original = fs[name];
  fs[name] = function (p, ...rest) {
    if (typeof p === 'string' || p instanceof URL || Buffer.isBuffer(p)) record('read', p);
    return original.call(this, p, ...rest);
  };
}
