/**
 * A small JSON parser that keeps where every key and value is, so configuration
 * errors can be reported on the offending token. Strict JSON (RFC 8259): no
 * comments, no trailing commas; a leading BOM is skipped. Never throws: the first
 * error is returned with its offsets.
 */
import type { Localized } from '../../../grammar/src/message';

interface NodeBase {
  /** UTF-16 offsets, end exclusive. */
  start: number;
  end: number;
}

export interface JsonObject extends NodeBase {
  type: 'object';
  properties: JsonProperty[];
}
export interface JsonArray extends NodeBase {
  type: 'array';
  items: JsonNode[];
}
export interface JsonScalar extends NodeBase {
  type: 'string' | 'number' | 'boolean' | 'null';
  value: string | number | boolean | null;
}
export type JsonNode = JsonObject | JsonArray | JsonScalar;

export interface JsonProperty {
  key: string;
  /** The key token, quotes included. */
  keyStart: number;
  keyEnd: number;
  value: JsonNode;
}

export interface JsonError {
  message: Localized;
  start: number;
  end: number;
}

export interface JsonParseResult {
  root?: JsonNode;
  error?: JsonError;
  /** Keys that occur twice in one object (the later one wins, as in JSON.parse). */
  duplicates: JsonProperty[];
}

class Failure {
  constructor(readonly error: JsonError) {}
}

export function parseJson(text: string): JsonParseResult {
  const duplicates: JsonProperty[] = [];
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const fail = (zh: string, en: string, start = pos, end = Math.min(text.length, start + 1)): never => {
    throw new Failure({ message: { zh, en }, start, end: Math.max(end, start) });
  };

  const describeHere = (): Localized => {
    if (pos >= text.length) return { zh: '文件结尾', en: 'end of file' };
    const ch = String.fromCodePoint(text.codePointAt(pos)!);
    return { zh: `“${ch}”`, en: `“${ch}”` };
  };

  const skipSpace = (): void => {
    for (;;) {
      const c = text[pos];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') pos++;
      else if (c === '/' && (text[pos + 1] === '/' || text[pos + 1] === '*')) {
        fail('JSON 不允许注释', 'JSON does not allow comments', pos, pos + 2);
      } else return;
    }
  };

  const unexpected = (zhExpected: string, enExpected: string): never => {
    const here = describeHere();
    return fail(`此处应为${zhExpected}，实际为${here.zh}`, `Expected ${enExpected} but found ${here.en}`);
  };

  const parseString = (): JsonScalar => {
    const start = pos;
    pos++; // opening quote
    let value = '';
    for (;;) {
      if (pos >= text.length || text[pos] === '\n' || text[pos] === '\r') {
        fail('字符串缺少结尾的引号', 'Unterminated string', start, pos);
      }
      const c = text[pos]!;
      if (c === '"') {
        pos++;
        return { type: 'string', value, start, end: pos };
      }
      if (c.charCodeAt(0) < 0x20) fail('字符串中不允许控制字符', 'Control character in string');
      if (c === '\\') {
        const e = text[pos + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e !== undefined && e in simple) {
          value += simple[e];
          pos += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) {
          value += String.fromCharCode(parseInt(text.slice(pos + 2, pos + 6), 16));
          pos += 6;
        } else {
          fail('无效的转义序列', 'Invalid escape sequence', pos, pos + 2);
        }
      } else {
        value += c;
        pos++;
      }
    }
  };

  const parseNumber = (): JsonScalar => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(pos));
    if (!m) return unexpected('值', 'a value');
    const start = pos;
    const value = Number(m[0]);
    if (!Number.isFinite(value)) fail('数字超出范围', 'Number out of range', start, start + m[0].length);
    pos += m[0].length;
    return { type: 'number', value, start, end: pos };
  };

  const parseValue = (): JsonNode => {
    skipSpace();
    const c = text[pos];
    if (c === '{') return parseObject();
    if (c === '[') return parseArray();
    if (c === '"') return parseString();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return parseNumber();
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, pos)) {
        const start = pos;
        pos += word.length;
        return { type: value === null ? 'null' : 'boolean', value, start, end: pos };
      }
    }
    if (c === "'") return fail('JSON 字符串须用双引号', 'JSON strings use double quotes');
    return unexpected('值', 'a value');
  };

  const parseObject = (): JsonObject => {
    const start = pos;
    pos++;
    const properties: JsonProperty[] = [];
    const seen = new Map<string, JsonProperty>();
    skipSpace();
    if (text[pos] === '}') {
      pos++;
      return { type: 'object', properties, start, end: pos };
    }
    for (;;) {
      skipSpace();
      if (text[pos] !== '"') {
        if (text[pos] === '}' && properties.length > 0) fail('JSON 不允许末尾逗号', 'JSON does not allow a trailing comma');
        unexpected('用双引号括起的键', 'a key in double quotes');
      }
      const key = parseString();
      skipSpace();
      if (text[pos] !== ':') unexpected('“:”', '“:”');
      pos++;
      const value = parseValue();
      const property: JsonProperty = { key: key.value as string, keyStart: key.start, keyEnd: key.end, value };
      if (seen.has(property.key)) duplicates.push(property);
      seen.set(property.key, property);
      properties.push(property);
      skipSpace();
      if (text[pos] === ',') {
        pos++;
        continue;
      }
      if (text[pos] === '}') {
        pos++;
        return { type: 'object', properties, start, end: pos };
      }
      unexpected('“,”或“}”', '“,” or “}”');
    }
  };

  const parseArray = (): JsonArray => {
    const start = pos;
    pos++;
    const items: JsonNode[] = [];
    skipSpace();
    if (text[pos] === ']') {
      pos++;
      return { type: 'array', items, start, end: pos };
    }
    for (;;) {
      skipSpace();
      if (text[pos] === ']' && items.length > 0) fail('JSON 不允许末尾逗号', 'JSON does not allow a trailing comma');
      items.push(parseValue());
      skipSpace();
      if (text[pos] === ',') {
        pos++;
        continue;
      }
      if (text[pos] === ']') {
        pos++;
        return { type: 'array', items, start, end: pos };
      }
      unexpected('“,”或“]”', '“,” or “]”');
    }
  };

  try {
    skipSpace();
    if (pos >= text.length) return { error: { message: { zh: '文件为空，应为一个 JSON 对象', en: 'The file is empty; expected a JSON object' }, start: 0, end: 0 }, duplicates };
    const root = parseValue();
    skipSpace();
    if (pos < text.length) unexpected('文件结尾', 'end of file');
    return { root, duplicates };
  } catch (e) {
    if (e instanceof Failure) return { error: e.error, duplicates };
    throw e;
  }
}

/** The plain value of a node (a later duplicate key wins, as in JSON.parse). */
export function toValue(node: JsonNode): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const p of node.properties) {
        if (p.key === '__proto__') Object.defineProperty(out, p.key, { value: toValue(p.value), enumerable: true, writable: true, configurable: true });
        else out[p.key] = toValue(p.value);
      }
      return out;
    }
    case 'array':
      return node.items.map(toValue);
    default:
      return node.value;
  }
}

/** The node at a path of keys and indexes, or undefined. With duplicate keys, the last one. */
export function nodeAt(root: JsonNode, path: readonly PropertyKey[]): JsonNode | undefined {
  let node: JsonNode | undefined = root;
  for (const segment of path) {
    if (!node) return undefined;
    if (node.type === 'object') node = propertyAt(node, String(segment))?.value;
    else if (node.type === 'array' && typeof segment === 'number') node = node.items[segment];
    else return undefined;
  }
  return node;
}

export function propertyAt(node: JsonObject, key: string): JsonProperty | undefined {
  for (let i = node.properties.length - 1; i >= 0; i--) if (node.properties[i]!.key === key) return node.properties[i];
  return undefined;
}
