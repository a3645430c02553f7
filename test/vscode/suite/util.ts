import * as vscode from 'vscode';

export const EXTENSION_ID = 'ptl-tools.ptl-vscode';

/** Resolves with the value once `probe` returns one, re-checking whenever `event` fires; no polling. */
export function when<T>(event: vscode.Event<unknown>, probe: () => T | undefined, what: string, ms = 30000): Promise<T> {
  return new Promise((resolve, reject) => {
    const first = probe();
    if (first !== undefined) return resolve(first);
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
    }, ms);
    const sub = event(() => {
      const value = probe();
      if (value === undefined) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(value);
    });
  });
}

export function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  return c === undefined ? undefined : typeof c === 'object' ? String(c.value) : String(c);
}

/** The diagnostics of `uri` once `accept` holds for them. */
export function diagnosticsWhere(uri: vscode.Uri, accept: (ds: vscode.Diagnostic[]) => boolean, what: string, ms = 30000): Promise<vscode.Diagnostic[]> {
  return when(
    vscode.languages.onDidChangeDiagnostics,
    () => {
      const ds = vscode.languages.getDiagnostics(uri);
      return accept(ds) ? ds : undefined;
    },
    what,
    ms,
  );
}

export function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}
