import { dirname, join, normalize } from './posix';
import { CONFIG_FILE_NAME } from './schema';

/**
 * The `ptl.config.json` that applies to a file: the nearest one in the file's folder
 * or any folder above it, up to `stopAt` (e.g. the workspace root) or the file
 * system's root. Pure: `exists` is injected (a real `fs.existsSync` in the CLI,
 * the open documents plus the disk in the server, a set in tests). POSIX paths.
 */
export function findConfigFile(
  filePath: string,
  exists: (path: string) => boolean,
  options: { stopAt?: string } = {},
): string | undefined {
  const stopAt = options.stopAt === undefined ? undefined : normalize(options.stopAt);
  let dir = dirname(filePath);
  for (;;) {
    const candidate = join(dir, CONFIG_FILE_NAME);
    if (exists(candidate)) return candidate;
    if (dir === stopAt) return undefined;
    const parent = dirname(dir);
    if (parent === dir || parent.endsWith('..')) return undefined;
    dir = parent;
  }
}
