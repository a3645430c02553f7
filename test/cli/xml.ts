/** Well-formedness checking for the JUnit output. `sax` comes with @vscode/vsce (via xml2js). */
import { createRequire } from 'node:module';

export interface XmlElement { name: string; attributes: Record<string, string> }

/** Parses with `sax` in strict mode (which throws on malformed XML); returns the opened elements. */
export function parseXml(xml: string): XmlElement[] {
  const sax = createRequire(import.meta.url)('sax') as { parser(strict: boolean): any };
  const parser = sax.parser(true);
  const elements: XmlElement[] = [];
  parser.onopentag = (node: XmlElement) => elements.push({ name: node.name, attributes: { ...node.attributes } });
  parser.onerror = (error: Error) => {
    throw error;
  };
  parser.write(xml).close();
  return elements;
}
