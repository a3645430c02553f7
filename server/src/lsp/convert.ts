/**
 * The edge: protocol-neutral findings and feature results turned into LSP
 * values, in the client's locale. Paths become `file:` URIs here and nowhere else.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CompletionItemKind,
  DiagnosticSeverity,
  DiagnosticTag,
  SymbolKind,
  type Diagnostic,
  type DocumentSymbol,
} from 'vscode-languageserver/node';
import { pick, type Locale } from '../../../grammar/src/message';
import type { Finding, Severity } from '../analysis/finding';
import { isRuleId, ruleDocsUrl } from '../analysis/rules';
import type { CompletionKind, OutlineSymbol, SymbolKindName } from '../analysis/features';

/** URIs as the client spelled them, so what we send back matches what it opened. */
const clientUris = new Map<string, string>();

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    const path = fileURLToPath(uri);
    clientUris.set(path, uri);
    return path;
  } catch {
    return undefined;
  }
}

export function pathToUri(path: string): string {
  return clientUris.get(path) ?? pathToFileURL(path).href;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export interface DiagnosticData {
  fixes: { title: string; safe: boolean; edits: { uri: string; range: Diagnostic['range']; newText: string }[] }[];
}

export function toDiagnostic(f: Finding, locale: Locale): Diagnostic {
  const d: Diagnostic = {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.rule,
    source: 'ptl',
    message: pick(f.message, locale),
  };
  if (isRuleId(f.rule)) d.codeDescription = { href: ruleDocsUrl(f.rule) };
  if (f.rule === 'unused-suppression') d.tags = [DiagnosticTag.Unnecessary];
  if (f.related?.length) {
    d.relatedInformation = f.related.map((r) => ({ location: { uri: pathToUri(r.file), range: r.range }, message: pick(r.message, locale) }));
  }
  if (f.fixes?.length) {
    const data: DiagnosticData = {
      fixes: f.fixes.map((fix) => ({ title: pick(fix.title, locale), safe: fix.safe, edits: fix.edits.map((e) => ({ uri: pathToUri(e.file), range: e.range, newText: e.newText })) })),
    };
    d.data = data;
  }
  return d;
}

const SYMBOL_KIND: Record<SymbolKindName, SymbolKind> = {
  plan: SymbolKind.Namespace,
  use: SymbolKind.Module,
  series: SymbolKind.Variable,
  table: SymbolKind.Class,
  indicator: SymbolKind.Field,
  check: SymbolKind.Boolean,
};

export function symbolKind(kind: SymbolKindName): SymbolKind {
  return SYMBOL_KIND[kind];
}

export function toDocumentSymbol(s: OutlineSymbol): DocumentSymbol {
  return { name: s.name || '?', detail: s.detail, kind: SYMBOL_KIND[s.kind], range: s.range, selectionRange: s.selectionRange, children: s.children.map(toDocumentSymbol) };
}

const COMPLETION_KIND: Record<CompletionKind, CompletionItemKind> = {
  keyword: CompletionItemKind.Keyword,
  unit: CompletionItemKind.Unit,
  reference: CompletionItemKind.Variable,
  module: CompletionItemKind.Module,
  snippet: CompletionItemKind.Snippet,
  field: CompletionItemKind.Field,
  enum: CompletionItemKind.EnumMember,
};

export function completionKind(kind: CompletionKind): CompletionItemKind {
  return COMPLETION_KIND[kind];
}
