/**
 * Parser error messages in both languages. Chevrotain wants one string per error,
 * so the provider returns JSON that `parse` decodes into a Localized message.
 */
import type { IParserErrorMessageProvider, IToken, TokenType } from 'chevrotain';
import { KEYWORDS } from './keywords';
import type { Localized } from './message';
import { TOKEN_LABELS } from './tokens';

const KEYWORD_LABELS = new Map(KEYWORDS.map((k) => [`Kw_${k.id}`, [...k.en, ...k.zh].join('/')]));

function label(type: TokenType): Localized {
  const known = TOKEN_LABELS[type.name];
  if (known) return known;
  const keyword = KEYWORD_LABELS.get(type.name);
  if (keyword) return { zh: `「${keyword}」`, en: `“${keyword}”` };
  const text = typeof type.PATTERN === 'string' ? type.PATTERN : type.name;
  return { zh: `「${text}」`, en: `“${text}”` };
}

function found(token: IToken): Localized {
  if (token.tokenType.name === 'EOF') return TOKEN_LABELS['EOF']!;
  const image = token.image.length > 24 ? `${token.image.slice(0, 24)}…` : token.image;
  return { zh: `「${image}」`, en: `“${image}”` };
}

function list(types: TokenType[]): Localized {
  const unique = [...new Map(types.map((t) => [t.name, t])).values()];
  const shown = unique.slice(0, 6).map(label);
  const more = unique.length > 6 ? '…' : '';
  return { zh: shown.map((l) => l.zh).join('、') + more, en: shown.map((l) => l.en).join(', ') + more };
}

const encode = (message: Localized): string => JSON.stringify(message);

export function decodeMessage(text: string): Localized {
  try {
    const parsed = JSON.parse(text) as Localized;
    if (typeof parsed.zh === 'string' && typeof parsed.en === 'string') return parsed;
  } catch {
    // A message chevrotain built itself: show it as is in both languages.
  }
  return { zh: text, en: text };
}

/** The message chevrotain's mismatch gives, for a token the parser checks itself. */
export function mismatchMessage(expected: TokenType, actual: IToken): Localized {
  const e = label(expected);
  const a = found(actual);
  return { zh: `此处应为${e.zh}，实际为${a.zh}`, en: `Expected ${e.en} but found ${a.en}` };
}

export const errorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual }) {
    const e = label(expected);
    const a = found(actual);
    return encode({ zh: `此处应为${e.zh}，实际为${a.zh}`, en: `Expected ${e.en} but found ${a.en}` });
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    const a = found(firstRedundant);
    return encode({ zh: `多余的内容${a.zh}`, en: `Unexpected ${a.en}` });
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual }) {
    const firsts = expectedPathsPerAlt.flatMap((paths) => paths.map((path) => path[0]!)).filter(Boolean);
    const e = list(firsts);
    const a = found(actual[0]!);
    return encode({ zh: `此处应为${e.zh}，实际为${a.zh}`, en: `Expected ${e.en} but found ${a.en}` });
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual }) {
    const e = list(expectedIterationPaths.map((path) => path[0]!).filter(Boolean));
    const a = found(actual[0]!);
    return encode({ zh: `此处应为${e.zh}，实际为${a.zh}`, en: `Expected ${e.en} but found ${a.en}` });
  },
};
