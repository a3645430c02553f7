/** Command-line arguments, parsed by hand: the grammar is small and errors must be bilingual. */
import type { Locale, Localized } from '../../../grammar/src/message';

export type Command = 'check' | 'report' | 'explain' | 'import' | 'format';

export interface ParsedArgs {
  command?: Command;
  paths: string[];
  format?: string;
  maxWarnings?: number;
  config?: string;
  locale?: Locale;
  fix?: boolean;
  fixDryRun?: boolean;
  /** `ptl format --check`: report unformatted files instead of rewriting them. */
  check?: boolean;
  output?: string;
  /** Threads for `check` (`--jobs N`); PTL_JOBS or the number of cores when absent. */
  jobs?: number;
  help?: boolean;
  version?: boolean;
}

export class UsageError extends Error {
  constructor(readonly messages: Localized) {
    super(messages.en);
  }
}

const COMMANDS: Command[] = ['check', 'report', 'explain', 'import', 'format'];

export function parseArgs(argv: string[]): ParsedArgs {
  const args: ParsedArgs = { paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || (inline === undefined && v.startsWith('--'))) {
        throw new UsageError({ zh: `${flag} 需要一个值`, en: `${flag} needs a value` });
      }
      return v;
    };
    switch (flag) {
      case '--help': case '-h': args.help = true; break;
      case '--version': case '-v': args.version = true; break;
      case '--format': case '-f': args.format = value(); break;
      case '--config': case '-c': args.config = value(); break;
      case '--output': case '-o': args.output = value(); break;
      case '--fix': args.fix = true; break;
      case '--fix-dry-run': args.fixDryRun = true; break;
      case '--check': args.check = true; break;
      case '--locale': {
        const v = value();
        if (v !== 'zh-CN' && v !== 'en') throw new UsageError({ zh: `--locale 只能是 zh-CN 或 en，而不是 ${v}`, en: `--locale must be zh-CN or en, not ${v}` });
        args.locale = v;
        break;
      }
      case '--jobs': case '-j': {
        const v = value();
        const n = Number(v);
        if (!Number.isInteger(n) || n < 1) throw new UsageError({ zh: `--jobs 需要正整数，而不是 ${v}`, en: `--jobs needs a positive integer, not ${v}` });
        args.jobs = n;
        break;
      }
      case '--max-warnings': {
        const v = value();
        const n = Number(v);
        if (!Number.isInteger(n) || n < 0) throw new UsageError({ zh: `--max-warnings 需要非负整数，而不是 ${v}`, en: `--max-warnings needs a non-negative integer, not ${v}` });
        args.maxWarnings = n;
        break;
      }
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError({ zh: `未知的选项 ${arg}`, en: `unknown option ${arg}` });
        if (!args.command) {
          if (!COMMANDS.includes(arg as Command)) throw new UsageError({ zh: `未知的命令 ${arg}`, en: `unknown command ${arg}` });
          args.command = arg as Command;
        } else args.paths.push(arg);
    }
  }
  return args;
}
