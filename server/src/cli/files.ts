/**
 * Expanding the CLI's PATHS|GLOBS into `.ptl` files, sorted, so output order
 * never depends on the file system. Globs support `*`, `?` and `**`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out']);

export function expandPaths(inputs: string[], cwd: string, extension = '.ptl'): { files: string[]; missing: string[] } {
  const files = new Set<string>();
  const missing: string[] = [];
  for (const input of inputs) {
    const before = files.size;
    if (/[*?]/.test(input)) {
      for (const file of globFiles(input, cwd)) files.add(file);
    } else {
      const absolute = path.resolve(cwd, input);
      const stat = statOrUndefined(absolute);
      if (stat?.isDirectory()) walk(absolute, (f) => f.endsWith(extension) && files.add(f));
      else if (stat?.isFile()) files.add(absolute);
    }
    if (files.size === before) missing.push(input);
  }
  return { files: [...files].sort(), missing };
}

function globFiles(pattern: string, cwd: string): string[] {
  const absolute = path.resolve(cwd, pattern).split(path.sep).join('/');
  const firstWild = absolute.search(/[*?]/);
  const base = absolute.slice(0, absolute.lastIndexOf('/', firstWild) + 1) || '/';
  const regex = globToRegExp(absolute);
  const found: string[] = [];
  walk(base, (f) => regex.test(f.split(path.sep).join('/')) && found.push(f));
  return found;
}

export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      source += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

function walk(dir: string, visit: (file: string) => unknown): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) walk(full, visit);
    } else if (entry.isFile()) visit(full);
  }
}

function statOrUndefined(p: string): fs.Stats | undefined {
  try {
    return fs.statSync(p);
  } catch {
    return undefined;
  }
}
