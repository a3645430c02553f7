/**
 * Entry point of the PTL language server (bundled into dist/server.js). The
 * transport comes from the command line: `--stdio`, `--node-ipc` or
 * `--socket=PORT`, as vscode-languageserver reads it.
 */
import * as v8 from 'node:v8';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { HEAP_GROWING_FLAG } from './heap';
import { PtlServer } from './server';

v8.setFlagsFromString(HEAP_GROWING_FLAG);

if (!process.argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
  process.argv.push('--stdio');
}
const connection = createConnection(ProposedFeatures.all);
new PtlServer(connection).listen();
process.on('uncaughtException', (e) => connection.console.error(`[ptl] uncaught: ${e instanceof Error ? e.stack ?? e.message : String(e)}`));
