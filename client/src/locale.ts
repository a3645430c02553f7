/** The locale PTL speaks in: the `ptl.locale` setting, else VS Code's display language. */
import * as vscode from 'vscode';
import { normalizeLocale, type Locale } from '../../grammar/src/message';

export function ptlLocale(): Locale {
  const configured = vscode.workspace.getConfiguration('ptl').get<string>('locale', 'auto');
  return normalizeLocale(configured && configured !== 'auto' ? configured : vscode.env.language);
}
