/**
 * Resolving the paths a file names (`source`, `use`, `cite "file"`) inside the
 * workspace. A path that leaves it — `..`, absolute, a drive, UNC, a `file:` URI,
 * or a symlink leading out — is refused before anything is read.
 */
import { posix } from 'node:path';

export type Resolved = { ok: true; path: string } | { ok: false; reason: 'absolute' | 'outside' | 'uri' };

/** `realPath` follows symlinks; undefined when the file does not exist. */
export function resolveInside(
  fromFile: string,
  written: string,
  roots: readonly string[],
  realPath: (path: string) => string | undefined,
): Resolved {
  const text = written.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text) || /^file:/i.test(text)) return { ok: false, reason: 'uri' };
  if (text.startsWith('/') || text.startsWith('\\') || /^[a-z]:/i.test(text)) return { ok: false, reason: 'absolute' };
  const joined = posix.normalize(posix.join(posix.dirname(toPosix(fromFile)), text.replace(/\\/g, '/')));
  if (!insideAny(joined, roots)) return { ok: false, reason: 'outside' };
  const real = realPath(joined);
  if (real !== undefined && !insideAny(toPosix(real), roots.map((r) => realPath(r) ?? r))) return { ok: false, reason: 'outside' };
  return { ok: true, path: joined };
}

export function insideAny(path: string, roots: readonly string[]): boolean {
  return roots.some((root) => {
    const r = toPosix(root).replace(/\/+$/, '');
    return path === r || path.startsWith(`${r}/`);
  });
}

export function toPosix(path: string): string {
  return path.replace(/\\/g, '/');
}
