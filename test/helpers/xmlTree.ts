/**
 * XML for the export suites: checked well-formed and parsed (fast-xml-parser) into plain element trees in document
 * order, with small queries (by name, by eId, text content) to compare a document with what the API says.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** An element of a parsed document. */
export interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  children: (XmlNode | string)[];
}

type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', trimValues: false, parseAttributeValue: false, parseTagValue: false });

function toNode(item: Ordered): XmlNode | string | null {
  const name = Object.keys(item).find((key) => key !== ':@');
  if (name === undefined || name.startsWith('?')) return null;
  if (name === '#text') return String(item['#text']);
  const children = (item[name] as Ordered[]).map(toNode).filter((child) => child !== null);
  return { name, attributes: item[':@'] ?? {}, children };
}

/** The document's root element; throws, saying why, if the text is not well-formed XML. */
export function parseXml(xml: string): XmlNode {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed XML: ${JSON.stringify(valid.err)}`);
  const root = (parser.parse(xml) as Ordered[]).map(toNode).find((node): node is XmlNode => node !== null && typeof node !== 'string');
  if (!root) throw new Error('no root element');
  return root;
}

/** Every element named `name` under `node` (itself included), in document order. */
export function findAll(node: XmlNode, name: string): XmlNode[] {
  const found: XmlNode[] = node.name === name ? [node] : [];
  for (const child of node.children) if (typeof child !== 'string') found.push(...findAll(child, name));
  return found;
}

/** The first element named `name` under `node`; throws when there is none. */
export function findOne(node: XmlNode, name: string): XmlNode {
  const found = findAll(node, name)[0];
  if (!found) throw new Error(`no <${name}> in <${node.name}>`);
  return found;
}

/** The element children of `node` named `name`. */
export const childrenNamed = (node: XmlNode, name: string): XmlNode[] => node.children.filter((child): child is XmlNode => typeof child !== 'string' && child.name === name);

/** Every element with an eId, by eId. */
export function byEId(node: XmlNode): Map<string, XmlNode> {
  const map = new Map<string, XmlNode>();
  const visit = (current: XmlNode) => {
    if (current.attributes.eId !== undefined) map.set(current.attributes.eId, current);
    for (const child of current.children) if (typeof child !== 'string') visit(child);
  };
  visit(node);
  return map;
}

/** The text content of `node`, entities decoded. */
export function textOf(node: XmlNode | string): string {
  return typeof node === 'string' ? node : node.children.map(textOf).join('');
}
