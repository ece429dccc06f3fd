/**
 * A small, pruned element tree built from saxes events. Names are canonical whatever prefixes the file
 * uses: WordprocessingML elements are "w:…", markup compatibility "mc:…", package relationships "pr:…",
 * anything else "~:…". Safety: any DOCTYPE is refused (no entity expansion, no billion laughs), and the
 * element nesting depth is capped so that deeply nested input cannot exhaust the stack of later walks.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { ReadError } from '../errors';

export interface XmlElement {
  name: string;
  attrs: Readonly<Record<string, string>>;
  children: XmlNode[];
}

export type XmlNode = XmlElement | string;

export interface XmlTreeOptions {
  maxDepth: number;
  /**
   * Most elements kept in the tree (FILE_TOO_LARGE beyond). The tree takes some 200 bytes per element: the cap
   * keeps a hostile part (a million empty cells or paragraphs in a few kilobytes of zip) within bounded memory.
   */
  maxElements: number;
  /** Whether a child element (with its subtree) is kept under a kept parent. */
  keepChild: (parentName: string, childName: string) => boolean;
  /** Whether character data directly inside this element is kept. */
  keepText: (elementName: string) => boolean;
  /** Whether the attributes of this element are kept (most elements need none). */
  keepAttributes: (elementName: string) => boolean;
}

const NAMESPACE_PREFIXES: Readonly<Record<string, string>> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w:',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w:',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc:',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'pr:',
};

const NO_ATTRIBUTES: Readonly<Record<string, string>> = Object.freeze({});

/**
 * Namespace bindings in effect, with a cache from names as written to canonical names. saxes runs without
 * its own namespace processing (markedly faster); bindings are tracked here, and a new scope is opened
 * only by an element that declares namespaces (in Word files, nearly always the root alone).
 */
class NamespaceScope {
  private readonly cache = new Map<string, string>();

  constructor(private readonly bindings: ReadonlyMap<string, string>) {}

  /** The scope for an element with these attributes: this one, unless it declares namespaces. */
  enter(attributes: Record<string, string>): NamespaceScope {
    let declared: Map<string, string> | undefined;
    for (const name in attributes) {
      if (name !== 'xmlns' && !name.startsWith('xmlns:')) continue;
      declared ??= new Map(this.bindings);
      declared.set(name === 'xmlns' ? '' : name.slice(6), attributes[name]);
    }
    return declared ? new NamespaceScope(declared) : this;
  }

  elementName(rawName: string): string {
    let name = this.cache.get(rawName);
    if (name === undefined) {
      name = this.resolve(rawName, true);
      this.cache.set(rawName, name);
    }
    return name;
  }

  /** Unprefixed attributes have no namespace; unprefixed elements take the default namespace. */
  resolve(rawName: string, isElement: boolean): string {
    const colon = rawName.indexOf(':');
    const local = colon < 0 ? rawName : rawName.slice(colon + 1);
    if (colon < 0 && !isElement) return local;
    const uri = this.bindings.get(colon < 0 ? '' : rawName.slice(0, colon));
    if (uri === undefined) return colon < 0 ? local : '~:' + local;
    return (NAMESPACE_PREFIXES[uri] ?? '~:') + local;
  }
}

function canonicalAttributes(attributes: Record<string, string>, scope: NamespaceScope): Readonly<Record<string, string>> {
  let attrs: Record<string, string> | undefined;
  for (const [rawName, value] of Object.entries(attributes)) {
    if (rawName === 'xmlns' || rawName.startsWith('xmlns:')) continue;
    attrs ??= {};
    attrs[scope.resolve(rawName, false)] = value;
  }
  return attrs ?? NO_ATTRIBUTES;
}

export function xmlInvalid(detail: string, cause?: unknown): ReadError {
  return new ReadError('DOCX_XML_INVALID', `Word 文件内部结构损坏（${detail}）`, { cause });
}

function tooManyElements(limit: number): ReadError {
  const shown = limit >= 10_000 ? `${limit / 10_000}万` : String(limit);
  return new ReadError('FILE_TOO_LARGE', `Word 文件内容过多（超过${shown}个结构元素，如单元格、段落），超出可处理的范围，已停止读取`);
}

class TreeBuilder {
  root: XmlElement | undefined;
  /** Open elements; null marks an element inside a pruned subtree. */
  private readonly stack: (XmlElement | null)[] = [];
  private elementCount = 0;
  private readonly scopes: NamespaceScope[] = [new NamespaceScope(new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]))];

  constructor(private readonly options: XmlTreeOptions) {}

  open(tag: SaxesTagPlain): void {
    if (this.stack.length >= this.options.maxDepth) {
      throw xmlInvalid(`元素嵌套超过 ${this.options.maxDepth} 层，已停止读取`);
    }
    const scope = this.scopes[this.scopes.length - 1].enter(tag.attributes);
    this.scopes.push(scope);
    this.stack.push(this.createIfKept(tag, scope));
  }

  private createIfKept(tag: SaxesTagPlain, scope: NamespaceScope): XmlElement | null {
    const parent = this.stack.length > 0 ? this.stack[this.stack.length - 1] : undefined;
    if (parent === null) return null;
    const name = scope.elementName(tag.name);
    if (parent !== undefined && !this.options.keepChild(parent.name, name)) return null;
    if (++this.elementCount > this.options.maxElements) throw tooManyElements(this.options.maxElements);
    const attrs = this.options.keepAttributes(name) ? canonicalAttributes(tag.attributes, scope) : NO_ATTRIBUTES;
    const element: XmlElement = { name, attrs, children: [] };
    if (parent === undefined) this.root = element;
    else parent.children.push(element);
    return element;
  }

  close(): void {
    this.stack.pop();
    this.scopes.pop();
  }

  text(text: string): void {
    const current = this.stack[this.stack.length - 1];
    if (current && this.options.keepText(current.name)) current.children.push(text);
  }
}

/**
 * Parses XML text into a pruned tree. Throws DOCX_XML_INVALID for malformed XML, a DOCTYPE, or too deep nesting,
 * and FILE_TOO_LARGE for too many elements.
 */
export function parseXmlTree(xml: string, options: XmlTreeOptions): XmlElement {
  const builder = new TreeBuilder(options);
  const parser = new SaxesParser({ position: false });
  parser.on('doctype', () => {
    throw xmlInvalid('含有 DOCTYPE 声明，出于安全原因拒绝读取');
  });
  parser.on('opentag', (tag) => builder.open(tag as SaxesTagPlain));
  parser.on('closetag', () => builder.close());
  parser.on('text', (text) => builder.text(text));
  parser.on('cdata', (text) => builder.text(text));
  parser.on('error', (error) => {
    throw xmlInvalid('XML 无法解析', error);
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    if (error instanceof ReadError) throw error;
    throw xmlInvalid('XML 无法解析', error);
  }
  if (!builder.root) throw xmlInvalid('没有根元素');
  return builder.root;
}

/** Decodes XML bytes: UTF-8 unless a UTF-16 byte-order mark says otherwise. */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

export function childElements(element: XmlElement): XmlElement[] {
  return element.children.filter((child): child is XmlElement => typeof child !== 'string');
}

export function firstChild(element: XmlElement, name: string): XmlElement | undefined {
  for (const child of element.children) {
    if (typeof child !== 'string' && child.name === name) return child;
  }
  return undefined;
}
