/** A compact, position-free outline of a syntax tree, for golden files. */
import type * as A from '../../grammar/src/ast';

export function outline(file: A.PtlFile): string {
  return file.declarations.map((d) => declaration(d, '')).join('\n') + '\n';
}

function declaration(d: A.Declaration, indent: string): string {
  switch (d.kind) {
    case 'Use':
      return `${indent}use ${d.path?.raw ?? '∅'} as ${d.alias?.name ?? '∅'}`;
    case 'Check':
      return `${indent}check ${d.title?.raw ?? ''} ${expr(d.left)} ${d.comparison?.op ?? '∅'} ${expr(d.right)}${d.within ? ` within ${expr(d.within)}` : ''}`;
    default: {
      const head = `${indent}${d.kind.toLowerCase()} ${d.id?.name ?? '∅'}${d.title ? ` ${d.title.raw}` : ''}`;
      const fields = d.fields.map((f) => `${indent}  .${f.field} ${field(f)}`);
      const children = (d.kind === 'Table' ? d.indicators : d.kind === 'Indicator' ? d.children : []).map((c) => declaration(c, `${indent}  `));
      return [head, ...fields, ...children].join('\n');
    }
  }
}

export function expr(e: A.Expr | A.StringLit | A.NoneLit | undefined): string {
  if (!e) return '∅';
  switch (e.kind) {
    case 'Number': return `${e.value}${e.unit ? `[${e.unit.text}]` : ''}`;
    case 'Reference': return `${e.path.map((p) => p.name).join('.')}${e.part ? `.${e.part.name}` : ''}${e.year ? `@${year(e.year)}` : ''}`;
    case 'Binary': return `(${expr(e.left)} ${e.op} ${expr(e.right)})`;
    case 'Unary': return `(-${expr(e.operand)})`;
    case 'Paren': return expr(e.expr);
    case 'None': return '—';
    case 'String': return e.raw;
  }
}

const year = (y: A.YearSpec) => `${y.from}${y.to !== undefined ? `..${y.to}` : ''}`;

function citation(c: A.Citation | undefined): string {
  if (!c) return '∅';
  return [c.file?.raw, c.table?.name, c.row && `row ${c.row.value}`, c.line && `line ${c.line.value}`, c.quote?.raw].filter(Boolean).join(' ');
}

function field(f: A.Field): string {
  const y = 'year' in f && f.year ? ` @${year(f.year)}` : '';
  const cites = 'cites' in f ? f.cites.map((c) => ` cite(${citation(c)})`).join('') : '';
  switch (f.field) {
    case 'unit': return f.unit?.text ?? '∅';
    case 'target': return `${f.comparison ? `${f.comparison.op} ` : ''}${expr(f.value)}${y}${cites}`;
    case 'baseline': case 'actual': case 'value': return `${expr(f.value)}${y}${cites}`;
    case 'attribute': return f.attribute;
    case 'cite': return citation(f.citation);
    case 'derive': case 'aligns': return expr(f.expr);
    case 'period': return `${f.from}..${f.to}`;
    case 'direction': return f.direction?.name ?? '∅';
    case 'level': return f.value?.name ?? '∅';
    case 'parent': return expr(f.ref);
    case 'source': return f.path?.raw ?? '∅';
    default: return f.value?.raw ?? '∅';
  }
}
