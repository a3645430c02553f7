/**
 * Captions that open a table (`专栏1:…`, `专栏 1：…`, `表1`, `附表2-1`) and headings
 * that close a prose box (`第四章`, `### 第二节`). Both are tested on a line's cleaned
 * text (markup removed), with anchored patterns that cannot backtrack.
 */
import { parseNumeral } from './chars';

export interface Caption {
  /** Normalized id: `专栏2`, `表1`, `附表2-1`. */
  id: string;
  /** The caption as written, markup removed: `专栏 1：“十四五”时期…主要指标`. */
  title: string;
}

const CAPTION = /^(专栏|附表|表)\s?([0-9０-９]{1,3}|[一二三四五六七八九十]{1,3})(?:\s?[-－—.．]\s?([0-9０-９]{1,2}))?(?=$|[\s:：.．、,，“"《(（]|[\u4e00-\u9fff])/;

export function parseCaption(clean: string): Caption | undefined {
  // A caption is a short line of its own; `表1显示，……。` is a sentence.
  if (clean.length > 80 || clean.includes('。')) return undefined;
  return captionAt(clean);
}

/**
 * A caption at the start of a line of any length: a table run together on one line
 * begins with its caption (`专栏3：主要指标 序号 指标 … 1 城乡低保…`).
 */
export function captionAt(clean: string): Caption | undefined {
  const first = clean.charAt(0);
  if (first !== '专' && first !== '附' && first !== '表') return undefined;
  const m = CAPTION.exec(clean.slice(0, 40));
  if (!m) return undefined;
  // `表明`, `表示` are words, not captions: a bare 表 needs a digit right after it.
  if (m[1] === '表' && !/^表\s?[0-9０-９]/.test(clean)) return undefined;
  const n = parseNumeral(m[2]!);
  if (n === undefined) return undefined;
  const sub = m[3] === undefined ? '' : `-${parseNumeral(m[3])}`;
  return { id: `${m[1]}${n}${sub}`, title: clean };
}

/**
 * A table id as a `.ptl` file may write it (`专栏二`, `专栏 2`, `表１`) in the index's
 * normalized form, so lookups compare like with like.
 */
export function normalizeTableId(id: string): string {
  const t = id.replace(/\s+/g, '');
  const c = parseCaption(t);
  return c ? c.id : t;
}

const HEADING = /^(?:第[一二三四五六七八九十百零〇0-9]{1,4}[章节篇部编]|[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）|附件|附录)/;

/** A chapter or section heading (markdown `#` already stripped by the caller's cleaning). */
export function isHeading(clean: string, raw: string): boolean {
  if (/^\s*#{1,6}\s?\S/.test(raw.slice(0, 20))) return true;
  return clean.length <= 60 && HEADING.test(clean);
}

const CHAPTER = /^第[一二三四五六七八九十百零〇0-9]{1,4}[章节篇部编]/;

/**
 * A heading that ends a table: a chapter or section (`第三章`), a markdown heading. Not
 * `一、社会救助`, which inside a table is a category row.
 */
export function isChapterHeading(clean: string, raw: string): boolean {
  if (/^\s*#{1,6}\s?\S/.test(raw.slice(0, 20))) return true;
  return clean.length <= 60 && CHAPTER.test(clean);
}
