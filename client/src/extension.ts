/**
 * PTL for VS Code: starts the bundled language server (diagnostics, hovers, completion,
 * formatting … all come from it) and adds what the protocol does not carry: commands,
 * the indicator dashboard and the status bar item, computed by the same engine in process.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { Dashboard } from './dashboard';
import { Engine } from './engine';
import { PtlServer } from './server';
import { PlanStatusBar } from './statusBar';

export interface PtlApi {
  /** The running language client (undefined while restarting). */
  client(): LanguageClient | undefined;
  /** Resolves when the current client is running. */
  ready(): Promise<void>;
  server: PtlServer;
  engine: Engine;
  dashboard: Dashboard;
  statusBar: PlanStatusBar;
}

let running: PtlServer | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<PtlApi> {
  const engine = new Engine();
  const server = new PtlServer(context);
  running = server;
  const dashboard = new Dashboard(engine);
  const statusBar = new PlanStatusBar(engine);
  context.subscriptions.push(server, dashboard, statusBar);
  registerCommands(context, engine, dashboard, () => server.restart(vscode.l10n.t('restart requested')));

  context.subscriptions.push(
    // Locale and trust are fixed at initialize: a change restarts the server. Other ptl.*
    // settings reach the running server as didChangeConfiguration (see server.ts).
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('ptl.locale')) void server.restart('ptl.locale changed');
      if (e.affectsConfiguration('ptl')) engine.reset();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      engine.reset();
      void server.restart('the workspace is now trusted');
    }),
  );

  server.start().catch((e) => {
    void vscode.window.showErrorMessage(vscode.l10n.t('The PTL language server could not start: {0}', e instanceof Error ? e.message : String(e)));
  });

  return {
    client: () => server.client,
    ready: () => server.ready,
    server,
    engine,
    dashboard,
    statusBar,
  };
}

export function deactivate(): Promise<void> | undefined {
  return running?.stop();
}
