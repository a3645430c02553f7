/**
 * What a rule sees while checking one file: its parse, model, resolver, the
 * imported files, the source index, and `report` to add a finding.
 */
import type * as A from '../../../grammar/src/ast';
import type { Localized } from '../../../grammar/src/message';
import type { LineIndex } from '../../../grammar/src/range';
import type { SourceIndex } from '../sources/types';
import type { Resolver } from './evaluate';
import type { Finding, Fix, RelatedLocation } from './finding';
import type { FileModel } from './model';

export interface LoadedSource {
  /** Workspace path of the plan text. */
  path: string;
  index: SourceIndex;
}

export interface CheckContext {
  path: string;
  text: string;
  lines: LineIndex;
  file: A.PtlFile;
  model: FileModel;
  resolve: Resolver;
  /** Models of the files imported with `use`, by alias. */
  imports: Map<string, FileModel>;
  /** The plan's own source text, when it could be read. */
  source?: LoadedSource;
  /** Other source files named in citations, loaded on demand. */
  loadSource(relative: string, at: A.Span): LoadedSource | undefined;
  tolerance: number;
  /** A finding at a span of this file (its range is worked out here). */
  report(rule: string, at: A.Span, message: Localized, extra?: { related?: RelatedLocation[]; fixes?: Fix[] }): void;
  findings: Finding[];
}
