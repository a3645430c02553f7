/**
 * Editor features as pure functions over a FileAnalysis and a position, with
 * protocol-free, bilingual results. Only server/src/lsp turns them into LSP.
 */
export { hover, describeSymbol, type HoverResult } from './hover';
export { completion, keywordLanguage, undeclaredRows, type Completion, type CompletionKind } from './completion';
export { definition, references, rename, prepareRename, isRenameError, highlights, symbolAt, type RenameError } from './navigation';
export {
  documentSymbols,
  workspaceSymbols,
  foldingRanges,
  semanticTokens,
  codeLenses,
  inlayHints,
  documentLinks,
  TOKEN_TYPES,
  TOKEN_MODIFIERS,
  type OutlineSymbol,
  type WorkspaceSymbol,
  type Fold,
  type SemanticToken,
  type TokenType,
  type TokenModifier,
  type Lens,
  type InlayHint,
  type Link,
  type SymbolKindName,
} from './outline';
export { codeActions, type CodeAction } from './actions';
export { NO_WORKSPACE, type FeatureWorkspace, type Location, type Passage } from './workspace';
