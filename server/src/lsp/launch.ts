/**
 * Starts the language server (dist/server.js, next to this file) from a V8 code cache.
 * Compiling the 1.9 MB bundle and the functions the first analysis needs is a fifth of
 * the server's cold start; with the cache the next start skips it. This is what
 * Node 22's `module.enableCompileCache()` does, written out for Node 20.
 *
 * The cache lives in PTL_CODE_CACHE_DIR (the extension passes its global storage),
 * else the user's cache folder, one file per server build and Node version. V8 checks
 * the source, its own version and its flags before it uses a cache, and rejects one that
 * does not fit; a cache that cannot be read or written is simply not used.
 * PTL_CODE_CACHE_DEBUG=1 reports what happened on stderr.
 */
import * as fs from 'node:fs';
import Module from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { HEAP_GROWING_FLAG } from './heap';

/** Long enough for the first analysis, so its functions are compiled into the cache too (or at exit, if sooner). */
const WRITE_AFTER_MS = 3000;

const server = path.join(__dirname, 'server.js');
const debug = process.env['PTL_CODE_CACHE_DEBUG'] === '1';
const report = (what: string) => debug && process.stderr.write(`[ptl] code cache: ${what}\n`);

// The flags are part of what V8 checks: set the server's before compiling, not after.
v8.setFlagsFromString(HEAP_GROWING_FLAG);

const source = fs.readFileSync(server, 'utf8');
const cacheFile = cachePath(fs.statSync(server));
const cached = read(cacheFile);
const script = new vm.Script(Module.wrap(source), { filename: server, cachedData: cached });
report(cached === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'used');
if (cached === undefined || script.cachedDataRejected) {
  let written = false;
  const save = () => {
    if (written) return;
    written = true;
    write(cacheFile, script.createCachedData());
  };
  setTimeout(save, WRITE_AFTER_MS).unref();
  process.on('exit', save);
}

const serverModule = new Module(server, module);
serverModule.filename = server;
serverModule.paths = module.paths;
const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
run.call(serverModule.exports, serverModule.exports, require, serverModule, server, path.dirname(server));

function cachePath(stat: fs.Stats): string | undefined {
  const dir = process.env['PTL_CODE_CACHE_DIR'] || userCacheDir();
  if (!dir) return undefined;
  return path.join(dir, `server-${Math.round(stat.mtimeMs)}-${stat.size}-${process.version}.v8cache`);
}

function userCacheDir(): string | undefined {
  if (process.platform === 'win32') return process.env['LOCALAPPDATA'] && path.join(process.env['LOCALAPPDATA'], 'ptl', 'cache');
  const base = process.env['XDG_CACHE_HOME'] || (os.homedir() && path.join(os.homedir(), '.cache'));
  return base ? path.join(base, 'ptl') : undefined;
}

function read(file: string | undefined): Buffer | undefined {
  if (!file) return undefined;
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Written beside and renamed into place, so two servers starting at once never read half
 * a file; the caches of other builds in the folder are removed, so it holds one.
 */
function write(file: string | undefined, data: Buffer): void {
  if (!file) return;
  try {
    const dir = path.dirname(file);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, data, { mode: 0o600 });
    fs.renameSync(temporary, file);
    for (const old of fs.readdirSync(dir)) if (/^server-.*\.v8cache$/.test(old) && old !== path.basename(file)) fs.rmSync(path.join(dir, old), { force: true });
    report(`written (${data.length} bytes)`);
  } catch {
    report('not written');
  }
}
