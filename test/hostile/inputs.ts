/**
 * Hostile and odd inputs, built in memory: huge files and lines, deep nesting, NUL
 * bytes, lone surrogates, invalid UTF-8, other encodings, BOMs, CRLF, empty files
 * and binary files. Each is the bytes of a `.ptl` file or of a plan text.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const HERE = path.resolve(__dirname, '../..');
export const ROOT = fs.existsSync(path.join(HERE, 'seeds')) ? HERE : process.cwd();
const seed = fs.readFileSync(path.join(ROOT, 'seeds/xuchang-2021-2025.ptl'), 'utf8');
const planSeed = fs.readFileSync(path.join(ROOT, 'seeds/001_274d81b69c494f30.txt'));
const enc = (s: string) => new TextEncoder().encode(s);

function repeatTo(text: string, bytes: number): string {
  const one = Buffer.byteLength(text);
  return Array(Math.ceil(bytes / one)).fill(text).join('\n');
}

/** Deterministic pseudo-random bytes (a "binary file"). */
function noise(n: number, seed = 1): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

function utf16le(s: string, bom: boolean): Uint8Array {
  const b = Buffer.from(s, 'utf16le');
  return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), b]) : b;
}

const SMALL = `indicator 甲 {\n  name "甲"\n  unit %\n  target >= 55 @2025\n  anticipatory\n}\n`;

export interface HostileInput {
  name: string;
  kind: 'ptl' | 'txt';
  bytes: Uint8Array;
}

export function hostileInputs(): HostileInput[] {
  return [
    { name: '10mb.ptl', kind: 'ptl', bytes: enc(repeatTo(seed, 10 * 1024 * 1024)) },
    { name: '1mb-line-string.ptl', kind: 'ptl', bytes: enc(`indicator 甲 { name "${'长'.repeat(350_000)}" unit % target 1 @2025 anticipatory }\n`) },
    { name: '1mb-line-expression.ptl', kind: 'ptl', bytes: enc(`indicator 甲 { unit % target ${Array(200_000).fill('1').join('+')} @2025 anticipatory }\n`) },
    { name: '1mb-line-words.ptl', kind: 'ptl', bytes: enc('目标值'.repeat(350_000)) },
    { name: '1mb-line-comment.ptl', kind: 'ptl', bytes: enc(`// ${'x'.repeat(1024 * 1024)}\n${SMALL}`) },
    { name: 'nested-parens.ptl', kind: 'ptl', bytes: enc(`indicator 甲 {\n  unit %\n  target ${'('.repeat(10_000)}1${')'.repeat(10_000)} @2025\n  anticipatory\n}\n`) },
    { name: 'nested-parens-unclosed.ptl', kind: 'ptl', bytes: enc(`indicator 甲 {\n  unit %\n  target ${'（'.repeat(10_000)}1 @2025\n}\n`) },
    { name: 'nested-minus.ptl', kind: 'ptl', bytes: enc(`indicator 甲 {\n  unit %\n  target ${'-'.repeat(10_000)}1 @2025\n  anticipatory\n}\n`) },
    { name: 'nested-braces.ptl', kind: 'ptl', bytes: enc(`${'indicator a {\n'.repeat(10_000)}${'}\n'.repeat(10_000)}`) },
    { name: 'nested-indicators-indented.ptl', kind: 'ptl', bytes: enc(`${Array.from({ length: 4_000 }, (_, i) => `${' '.repeat(i % 200)}indicator a${i} {\n`).join('')}${'}\n'.repeat(4_000)}`) },
    { name: 'derive-cycle.ptl', kind: 'ptl', bytes: enc(Array.from({ length: 20_000 }, (_, i) => `indicator a${i} { unit % derive a${(i + 1) % 20_000} }\n`).join('')) },
    { name: 'derive-chain.ptl', kind: 'ptl', bytes: enc(Array.from({ length: 20_000 }, (_, i) => `indicator a${i} { unit % ${i === 19_999 ? 'target 1 @2025' : `derive a${i + 1}`} anticipatory }\n`).join('')) },
    { name: 'nul-bytes.ptl', kind: 'ptl', bytes: enc(`indicator 甲\u0000 {\n  name "a\u0000b"\n  unit %\u0000\n  target >= 55 @2025\n}\n\u0000\u0000`) },
    { name: 'lone-surrogates.ptl', kind: 'ptl', bytes: enc(`indicator \ud800甲 {\n  name "\udc00"\n  unit %\n  target >= 55 @2025 // \ud83d\n}\n`) },
    { name: 'surrogate-bytes.ptl', kind: 'ptl', bytes: Uint8Array.from([...enc('indicator 甲 {\n  name "'), 0xed, 0xa0, 0x80, ...enc('"\n}\n')]) },
    { name: 'invalid-utf8.ptl', kind: 'ptl', bytes: Uint8Array.from([...enc('indicator '), 0xc0, 0xaf, 0xff, 0xfe, 0xe4, 0xb8, ...enc(' {\n  unit %\n}\n')]) },
    { name: 'gb18030.ptl', kind: 'ptl', bytes: Uint8Array.from([0xd6, 0xb8, 0xb1, 0xea, 0x20, 0xbc, 0xd7, 0x20, 0x7b, 0x7d, 0x0a]) },
    { name: 'bom-utf8.ptl', kind: 'ptl', bytes: enc(`\ufeff${SMALL}`) },
    { name: 'bom-twice.ptl', kind: 'ptl', bytes: enc(`\ufeff\ufeff${SMALL}`) },
    { name: 'bom-utf16le.ptl', kind: 'ptl', bytes: utf16le(SMALL, true) },
    { name: 'crlf.ptl', kind: 'ptl', bytes: enc(seed.replace(/\n/g, '\r\n')) },
    { name: 'cr-only.ptl', kind: 'ptl', bytes: enc(seed.replace(/\n/g, '\r')) },
    { name: 'empty.ptl', kind: 'ptl', bytes: new Uint8Array() },
    { name: 'whitespace.ptl', kind: 'ptl', bytes: enc(' \n\t\r\n\u3000') },
    { name: 'binary.ptl', kind: 'ptl', bytes: noise(64 * 1024) },
    { name: 'png.ptl', kind: 'ptl', bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, ...noise(4096, 7)]) },
    { name: '10mb.txt', kind: 'txt', bytes: Buffer.concat(Array(Math.ceil((10 * 1024 * 1024) / planSeed.length)).fill(planSeed)) },
    { name: '1mb-line.txt', kind: 'txt', bytes: enc(`专栏1：主要指标 ${'序号 指标 2020年 2025年 属性 1 城市低保标准 570 700 预期性 '.repeat(20_000)}\n`) },
    { name: 'nul.txt', kind: 'txt', bytes: Uint8Array.from([...planSeed.subarray(0, 2000), 0, ...planSeed.subarray(2000, 4000)]) },
    { name: 'invalid-utf8.txt', kind: 'txt', bytes: Uint8Array.from([...planSeed.subarray(0, 3001), 0xff, 0xc0, ...planSeed.subarray(3001, 6000)]) },
    { name: 'gb18030.txt', kind: 'txt', bytes: fs.readFileSync(path.join(ROOT, 'test/sources/fixtures/gb18030.txt')) },
    { name: 'utf16le-bom.txt', kind: 'txt', bytes: utf16le(planSeed.toString('utf8'), true) },
    { name: 'utf16le-odd.txt', kind: 'txt', bytes: Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0x42]) },
    { name: 'bom-crlf.txt', kind: 'txt', bytes: enc(`\ufeff${planSeed.toString('utf8').replace(/\n/g, '\r\n')}`) },
    { name: 'empty.txt', kind: 'txt', bytes: new Uint8Array() },
    { name: 'binary.txt', kind: 'txt', bytes: noise(256 * 1024, 3) },
  ];
}
