/** An in-memory Host: the engine reads only what a test puts here. */
import { Analyzer, type Host } from '../../server/src/analysis/analyze';
import { isRuleId, RULES } from '../../server/src/analysis/rules';

export function memoryHost(files: Record<string, string | Uint8Array>): Host {
  const bytes = (path: string) => {
    const content = files[path];
    if (content === undefined) return undefined;
    return typeof content === 'string' ? new TextEncoder().encode(content) : content;
  };
  return {
    readBytes: bytes,
    readText: (path) => {
      const b = bytes(path);
      return b && new TextDecoder().decode(b);
    },
    realPath: (path) => (files[path] !== undefined || Object.keys(files).some((f) => f.startsWith(`${path}/`)) ? path : undefined),
  };
}

const DEFAULTS = new Map(RULES.map((r) => [r.id as string, r.severity]));

export function memoryAnalyzer(files: Record<string, string | Uint8Array>, roots = ['/ws']): Analyzer {
  return new Analyzer(memoryHost(files), {
    roots,
    tolerance: 0.05,
    severityOf: (rule) => DEFAULTS.get(rule) ?? 'error',
    isRule: isRuleId,
  });
}
