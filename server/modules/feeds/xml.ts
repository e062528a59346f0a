/**
 * A small XML writer: elements are built as trees and serialised with every text and attribute escaped, so nothing a
 * contributor wrote can break the document or inject markup. Characters XML 1.0 cannot carry at all (control
 * characters, lone surrogates) are dropped.
 */

/** An element: name, attributes, then children (text or elements); null and undefined children are skipped. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string | undefined>;
  children: XmlNode[];
}

/** What an element holds. */
export type XmlNode = XmlElement | string;

/** Builds an element; attributes whose value is undefined are left out. */
export function element(name: string, attributes: Record<string, string | undefined> = {}, ...children: (XmlNode | null | undefined)[]): XmlElement {
  return { name, attributes, children: children.filter((child): child is XmlNode => child !== null && child !== undefined) };
}

// Everything outside XML 1.0's Char production; with the `u` flag a lone surrogate is one code point, not allowed.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** The text as XML character data (also safe in a double- or single-quoted attribute). */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML_CHAR, '').replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** The element as XML text, indented two spaces per level (text-only elements stay on one line). */
export function serialize(root: XmlElement): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${write(root, '')}\n`;
}

function write(node: XmlElement, indent: string): string {
  const attributes = Object.entries(node.attributes)
    .flatMap(([name, value]) => (value === undefined ? [] : [` ${name}="${escapeXml(value)}"`]))
    .join('');
  const open = `${indent}<${node.name}${attributes}`;
  if (node.children.length === 0) return `${open}/>`;
  if (node.children.every((child) => typeof child === 'string')) {
    return `${open}>${node.children.map((child) => escapeXml(child)).join('')}</${node.name}>`;
  }
  const inner = node.children.map((child) => (typeof child === 'string' ? `${indent}  ${escapeXml(child)}` : write(child, `${indent}  `)));
  return `${open}>\n${inner.join('\n')}\n${indent}</${node.name}>`;
}
