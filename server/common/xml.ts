/**
 * A small XML writer: documents are built as plain element trees and rendered with every text and attribute value
 * escaped, so no input (a citizen's amendment, an imported alinéa) can break the markup. Element-only content is
 * indented; mixed content (text and inline elements) is written as it is, since whitespace there is text.
 */

/** An element: name, attributes (undefined and null ones are left out), children. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string | number | null | undefined>;
  children: XmlNode[];
}

/** An element or a run of text. */
export type XmlNode = XmlElement | string;

/** Builds an element; children that are null, undefined or false are left out (handy for optional parts). */
export function el(name: string, attributes: XmlElement['attributes'] = {}, ...children: (XmlNode | XmlNode[] | null | undefined | false)[]): XmlElement {
  const flat: XmlNode[] = [];
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) flat.push(...child);
    else flat.push(child);
  }
  return { name, attributes, children: flat };
}

// XML 1.0 allows tab, line feed, carriage return and everything from U+0020 except the surrogates and U+FFFE/U+FFFF.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as XML character data: markup characters escaped, characters XML cannot hold dropped. */
export function escapeText(text: string): string {
  return text.replace(FORBIDDEN, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An attribute value: also quotes, and line breaks kept as references (a parser would fold them into spaces). */
export function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

function openTag(element: XmlElement): string {
  let tag = `<${element.name}`;
  for (const [name, value] of Object.entries(element.attributes)) {
    if (value === null || value === undefined) continue;
    tag += ` ${name}="${escapeAttribute(String(value))}"`;
  }
  return tag;
}

/** How a document is written: the elements whose content is text (never indented, even when it holds only elements). */
export interface RenderOptions {
  textElements?: ReadonlySet<string>;
}

function render(node: XmlNode, depth: number, out: string[], options: RenderOptions): void {
  if (typeof node === 'string') {
    out.push(escapeText(node));
    return;
  }
  const tag = openTag(node);
  if (node.children.length === 0) {
    out.push(`${tag}/>`);
    return;
  }
  out.push(`${tag}>`);
  const mixed = options.textElements?.has(node.name) === true || node.children.some((child) => typeof child === 'string');
  for (const child of node.children) {
    if (!mixed) out.push(`\n${'  '.repeat(depth + 1)}`);
    render(child, mixed ? 0 : depth + 1, out, options);
  }
  if (!mixed) out.push(`\n${'  '.repeat(depth)}`);
  out.push(`</${node.name}>`);
}

/** The whole document: XML declaration, then the root element, indented. */
export function renderDocument(root: XmlElement, options: RenderOptions = {}): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  render(root, 0, out, options);
  out.push('\n');
  return out.join('');
}
