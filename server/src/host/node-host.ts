/**
 * The file system as the engine's Host, shared by the CLI and the language
 * server. Reads are bounded: a file larger than the limit is treated as unreadable
 * rather than exhausting memory.
 */
import * as fs from 'node:fs';
import type { Host } from '../analysis/analyze';

/** Plan texts and target files above this size are not read (a documented degradation). */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

export function readFileBounded(path: string): Uint8Array | undefined {
  try {
    const stat = fs.statSync(path);
    if (!stat.isFile() || stat.size > MAX_FILE_BYTES) return undefined;
    return fs.readFileSync(path);
  } catch {
    return undefined;
  }
}

const UTF8 = new TextDecoder('utf-8');

export function decodeUtf8(bytes: Uint8Array): string {
  const text = UTF8.decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export const nodeHost: Host = {
  readBytes: readFileBounded,
  readText(path) {
    const bytes = readFileBounded(path);
    return bytes && decodeUtf8(bytes);
  },
  realPath(path) {
    try {
      return fs.realpathSync(path);
    } catch {
      return undefined;
    }
  },
  stamp: fileStamp,
};

/** Inode, size and times to the nanosecond: a rewrite changes at least one of them. */
function fileStamp(path: string): string | undefined {
  try {
    const s = fs.statSync(path, { bigint: true });
    return `${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
  } catch {
    return undefined;
  }
}
