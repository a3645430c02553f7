/**
 * Entry point of the PTL language server (bundled into dist/server.js). The
 * transport comes from the command line: `--stdio`, `--node-ipc` or
 * `--socket=PORT`, as vscode-languageserver reads it.
 */
import * as v8 from 'node:v8';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { PtlServer } from './server';

// The server lives as long as the editor and keeps little: with 3,000 plans analysed its
// live heap is about 35 MB. V8's default lets the heap grow to four times what survived
// before it collects again, which left 230 MB resident; growing by half keeps it near
// 150 MB at the cost of more frequent (incremental) collections. V8 reads the factor at
// every collection, so setting it here, after start-up, takes effect (bench/ measures it).
v8.setFlagsFromString('--heap-growing-percent=50');

if (!process.argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
  process.argv.push('--stdio');
}
const connection = createConnection(ProposedFeatures.all);
new PtlServer(connection).listen();
process.on('uncaughtException', (e) => connection.console.error(`[ptl] uncaught: ${e instanceof Error ? e.stack ?? e.message : String(e)}`));
