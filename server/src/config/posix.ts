/**
 * POSIX path helpers, kept here so configuration code stays pure (no `node:path`,
 * no process.cwd). Paths use `/`; callers on Windows pass normalized paths.
 */

export function isAbsolute(path: string): boolean {
  return path.startsWith('/');
}

/** Resolves `.` and `..` and collapses repeated `/`; keeps a leading `/`. `''` becomes `.`. */
export function normalize(path: string): string {
  const absolute = isAbsolute(path);
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
    } else out.push(part);
  }
  const joined = out.join('/');
  return absolute ? `/${joined}` : joined || '.';
}

export function join(...parts: string[]): string {
  return normalize(parts.filter((p) => p !== '').join('/'));
}

/** The folder of a path: `/a/b.ptl` → `/a`, `/a` → `/`, `b.ptl` → `.`, `/` → `/`. */
export function dirname(path: string): string {
  const p = normalize(path);
  if (p === '/' || p === '.') return p;
  const i = p.lastIndexOf('/');
  if (i < 0) return p === '..' || p.endsWith('/..') ? `${p}/..` : '.';
  return i === 0 ? '/' : p.slice(0, i);
}

/** `target` against `base` (a folder) unless already absolute. */
export function resolve(base: string, target: string): string {
  return isAbsolute(target) ? normalize(target) : join(base, target);
}
