/**
 * Decoding a plan's bytes. Plans are saved as UTF-8 (with or without BOM), UTF-16
 * (Word's "Unicode text", always with a BOM) or GB18030/GBK (older Windows tools,
 * never with a BOM). Detection: a BOM decides; otherwise UTF-8 unless the bytes are
 * mostly invalid UTF-8 and decode cleanly as GB18030 into Chinese text. Bytes that do
 * not decode are replaced with U+FFFD and reported at their line and column — never
 * an exception. NUL bytes without a UTF-16 BOM mean a binary file: reported, no text.
 */
import type { DecodeProblem } from './types';

export interface Decoded {
  /** The text, line breaks normalized to LF, BOM removed. */
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'binary';
  /** The bytes began with a byte order mark. */
  bom: boolean;
  problems: DecodeProblem[];
}

/** Problems reported one by one before the rest are summarized. */
const MAX_PROBLEMS = 100;

export function decodePlanText(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeWith(bytes.subarray(2), 'utf-16le', true);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeWith(bytes.subarray(2), 'utf-16be', true);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  if (body.includes(0)) return binary(bom);
  const valid = validUtf8(body);
  if (valid !== undefined) return { text: normalize(valid), encoding: 'utf-8', bom, problems: [] };
  const scan = scanUtf8(body);
  if (!bom && looksLikeGb(body, scan)) return decodeWith(body, 'gb18030', false);
  return decodeUtf8WithErrors(body, scan.errors, bom);
}

function binary(bom: boolean): Decoded {
  return {
    text: '',
    encoding: 'binary',
    bom,
    problems: [
      {
        line: 1,
        column: 0,
        message: {
          zh: '文件含有 NUL 字节，是二进制文件而不是规划文本，未读取其中的表格和目标',
          en: 'The file contains NUL bytes: it is a binary file, not plan text; no tables or targets were read',
        },
      },
    ],
  };
}

const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });
const STRICT_UTF8 = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true });

function utf8(bytes: Uint8Array): string {
  return UTF8.decode(bytes);
}

/** The text of bytes that are all valid UTF-8, else undefined: nearly every plan, told by the engine's decoder without a scan of ours. */
function validUtf8(bytes: Uint8Array): string | undefined {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    return undefined;
  }
}

interface Utf8Scan {
  /** Byte ranges `[start, end)` that each decode to one U+FFFD (WHATWG's maximal subparts). */
  errors: Array<[number, number]>;
  /** Well-formed multi-byte sequences: many of them mean UTF-8 with a few bad bytes. */
  multibyte: number;
}

/** The WHATWG UTF-8 decoder's error positions, without decoding. */
function scanUtf8(b: Uint8Array): Utf8Scan {
  const errors: Array<[number, number]> = [];
  let multibyte = 0;
  let needed = 0;
  let seen = 0;
  let lower = 0x80;
  let upper = 0xbf;
  let start = 0;
  for (let i = 0; i < b.length; i++) {
    const x = b[i]!;
    if (needed === 0) {
      if (x <= 0x7f) continue;
      start = i;
      if (x >= 0xc2 && x <= 0xdf) needed = 1;
      else if (x >= 0xe0 && x <= 0xef) {
        if (x === 0xe0) lower = 0xa0;
        if (x === 0xed) upper = 0x9f;
        needed = 2;
      } else if (x >= 0xf0 && x <= 0xf4) {
        if (x === 0xf0) lower = 0x90;
        if (x === 0xf4) upper = 0x8f;
        needed = 3;
      } else errors.push([i, i + 1]);
      continue;
    }
    if (x < lower || x > upper) {
      errors.push([start, i]);
      needed = seen = 0;
      lower = 0x80;
      upper = 0xbf;
      i--;
      continue;
    }
    lower = 0x80;
    upper = 0xbf;
    if (++seen === needed) {
      multibyte++;
      needed = seen = 0;
    }
  }
  if (needed > 0) errors.push([start, b.length]);
  return { errors, multibyte };
}

/**
 * GB18030 rather than damaged UTF-8: few well-formed UTF-8 sequences for the errors,
 * and the bytes decode as GB18030 without error into text with Chinese in it (a
 * stray 0x80 in English text decodes as `€` and is not taken for GBK).
 */
function looksLikeGb(body: Uint8Array, scan: Utf8Scan): boolean {
  if (scan.multibyte >= 4 * scan.errors.length) return false;
  try {
    const text = new TextDecoder('gb18030', { fatal: true }).decode(body);
    return /\p{Script=Han}/u.test(text);
  } catch {
    return false;
  }
}

/** Decodes the valid stretches and puts one U+FFFD per error, remembering where. */
function decodeUtf8WithErrors(body: Uint8Array, errors: Array<[number, number]>, bom: boolean): Decoded {
  const parts: string[] = [];
  const offsets: number[] = [];
  let length = 0;
  let prev = 0;
  for (const [a, b] of errors) {
    const chunk = utf8(body.subarray(prev, a));
    parts.push(chunk, '\ufffd');
    length += chunk.length;
    offsets.push(length);
    length += 1;
    prev = b;
  }
  parts.push(utf8(body.subarray(prev)));
  const raw = parts.join('');
  return { text: normalize(raw), encoding: 'utf-8', bom, problems: problemsAt(raw, offsets, 'UTF-8') };
}

/** UTF-16 and GB18030: the decoder's own replacement characters mark the errors. */
function decodeWith(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be' | 'gb18030', bom: boolean): Decoded {
  const raw = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
  const offsets: number[] = [];
  for (let k = raw.indexOf('\ufffd'); k !== -1; k = raw.indexOf('\ufffd', k + 1)) offsets.push(k);
  const label = encoding === 'gb18030' ? 'GB18030' : encoding.toUpperCase().replace('LE', ' LE').replace('BE', ' BE');
  return { text: normalize(raw), encoding, bom, problems: problemsAt(raw, offsets, label) };
}

function normalize(raw: string): string {
  const t = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  return t.includes('\r') ? t.replace(/\r\n?/g, '\n') : t;
}

/**
 * Problems at text offsets of the raw decoded text, as 1-based lines (CRLF, CR and LF
 * each one break, as after normalization) and 0-based columns.
 */
function problemsAt(raw: string, offsets: number[], label: string): DecodeProblem[] {
  const problems: DecodeProblem[] = [];
  let line = 1;
  let lineStart = 0;
  let i = 0;
  const shift = raw.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (const [n, offset] of offsets.entries()) {
    for (; i < offset; i++) {
      const c = raw.charCodeAt(i);
      if (c === 10 || (c === 13 && raw.charCodeAt(i + 1) !== 10)) {
        line++;
        lineStart = i + 1;
      }
    }
    if (n === MAX_PROBLEMS) {
      problems.push({ line, column: offset - lineStart - (line === 1 ? shift : 0), message: more(offsets.length - n) });
      break;
    }
    problems.push({
      line,
      column: offset - lineStart - (line === 1 ? shift : 0),
      message: {
        zh: `此处的字节不是有效的 ${label} 编码，已替换为 U+FFFD（�）`,
        en: `Bytes here are not valid ${label}; replaced with U+FFFD (�)`,
      },
    });
  }
  return problems;
}

function more(n: number): DecodeProblem['message'] {
  return {
    zh: `从此处起还有 ${n} 处无法解码的字节，已全部替换为 U+FFFD`,
    en: `${n} more undecodable byte sequences from here on, all replaced with U+FFFD`,
  };
}
