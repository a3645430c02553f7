/**
 * The bundled language server (dist/server.js) over Node IPC. Restarted when it dies,
 * at most MAX_RESTARTS times in RESTART_WINDOW_MS (each time with a message), then left
 * stopped with an offer to restart by hand, so a crashing server cannot loop.
 */
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  RevealOutputChannelOn,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { ptlLocale } from './locale';

export const MAX_RESTARTS = 4;
export const RESTART_WINDOW_MS = 3 * 60 * 1000;

export class PtlServer implements vscode.Disposable {
  client: LanguageClient | undefined;
  readonly output: vscode.LogOutputChannel;
  private readonly trace: vscode.LogOutputChannel;
  private crashes: number[] = [];
  /** Resolves when the current client is running. */
  ready: Promise<void> = Promise.resolve();
  private readonly changed = new vscode.EventEmitter<LanguageClient | undefined>();
  readonly onDidChangeClient = this.changed.event;
  private readonly configurationSent = new vscode.EventEmitter<string[]>();
  /** Fires after ptl.* settings changes were sent to the server (workspace/didChangeConfiguration). */
  readonly onDidSendConfiguration = this.configurationSent.event;

  constructor(private readonly context: vscode.ExtensionContext) {
    this.output = vscode.window.createOutputChannel('PTL Language Server', { log: true });
    this.trace = vscode.window.createOutputChannel('PTL Language Server Trace', { log: true });
  }

  async start(): Promise<void> {
    // The launcher starts dist/server.js from a V8 code cache kept in the extension's storage.
    const module = this.context.asAbsolutePath('dist/launch.js');
    const env = { ...process.env, PTL_CODE_CACHE_DIR: this.context.globalStorageUri.fsPath };
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc, options: { env } },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
    };
    const watchers = [vscode.workspace.createFileSystemWatcher('**/*.{ptl,txt,md}'), vscode.workspace.createFileSystemWatcher('**/ptl.config.json')];
    watchers.forEach((w) => this.context.subscriptions.push(w));
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { scheme: 'file', language: 'ptl' },
        { scheme: 'untitled', language: 'ptl' },
      ],
      synchronize: {
        // ptl.* changes reach the server as didChangeConfiguration; it may also pull them
        // with workspace/configuration (section "ptl", scoped to a file).
        configurationSection: 'ptl',
        fileEvents: watchers,
      },
      initializationOptions: this.initializationOptions(),
      outputChannel: this.output,
      traceOutputChannel: this.trace,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      errorHandler: this.errorHandler(),
      middleware: {
        workspace: {
          didChangeConfiguration: async (sections, next) => {
            await next(sections);
            this.output.info(`[client] settings changed: ${(sections ?? []).join(', ')}`);
            this.configurationSent.fire(sections ?? []);
          },
        },
      },
    };
    const client = new LanguageClient('ptl', 'PTL Language Server', serverOptions, clientOptions);
    this.client = client;
    this.ready = client.start();
    this.changed.fire(client);
    try {
      await this.ready;
    } catch (e) {
      this.output.info(`[client] the server did not start: ${e instanceof Error ? e.message : String(e)}`);
      throw e;
    }
  }

  /** What the server needs before it reads anything: locale and trust. */
  initializationOptions() {
    const trusted = vscode.workspace.isTrusted;
    return {
      locale: ptlLocale(),
      displayLanguage: vscode.env.language,
      /** false: restricted mode; the server must not read files outside the opened documents. */
      trusted,
      workspaceTrusted: trusted,
      settings: (() => {
        const c = vscode.workspace.getConfiguration('ptl');
        return { rules: c.get('rules', {}), tolerance: c.get('tolerance', 0.05), locale: c.get('locale', 'auto') };
      })(),
    };
  }

  async restart(reason?: string): Promise<void> {
    if (reason) this.output.info(`[client] restarting the server: ${reason}`);
    this.crashes = [];
    const old = this.client;
    this.client = undefined;
    if (old) {
      try {
        await old.dispose(2000);
      } catch {
        // already stopped
      }
    }
    await this.start();
  }

  private errorHandler(): ErrorHandler {
    return {
      error: (_error, _message, count): ErrorHandlerResult =>
        (count ?? 0) <= 3 ? { action: ErrorAction.Continue, handled: true } : { action: ErrorAction.Shutdown },
      closed: () => this.serverClosed(),
    };
  }

  /** The server's connection closed without a stop: restart, unless it keeps dying. */
  serverClosed(): CloseHandlerResult {
    const now = Date.now();
    this.crashes = this.crashes.filter((t) => now - t < RESTART_WINDOW_MS);
    this.crashes.push(now);
    if (this.crashes.length <= MAX_RESTARTS) {
      const message = vscode.l10n.t('The PTL language server stopped unexpectedly; restarting it ({0} of {1}).', this.crashes.length, MAX_RESTARTS);
      this.output.info(`[client] ${message}`);
      void vscode.window.showWarningMessage(message);
      return { action: CloseAction.Restart, handled: true };
    }
    const message = vscode.l10n.t('The PTL language server stopped {0} times in 3 minutes and will not be restarted. See the output channel “PTL Language Server”.', this.crashes.length);
    this.output.info(`[client] ${message}`);
    const restart = vscode.l10n.t('Restart');
    const show = vscode.l10n.t('Show Output');
    void vscode.window.showErrorMessage(message, restart, show).then((choice) => {
      if (choice === restart) void this.restart('restart requested');
      else if (choice === show) this.output.show(true);
    });
    return { action: CloseAction.DoNotRestart, handled: true };
  }

  /** Stops the server (deactivation waits for it). */
  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client) await client.dispose(2000).catch(() => undefined);
  }

  dispose(): void {
    void this.stop();
    this.output.dispose();
    this.trace.dispose();
    this.changed.dispose();
    this.configurationSent.dispose();
  }
}
