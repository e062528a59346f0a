import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { el, escapeAttribute, escapeText, renderDocument } from './xml.ts';

describe('the XML writer (Atom feed, Akoma Ntoso)', () => {
  it('FEED2 EXPORT6 escapes markup in text and attributes and drops characters XML cannot carry, so any text gives a well-formed document', () => {
    const nasty = 'a < b && c > d "quoted" \'single\' ]]> <!-- x --> \u0000\u0007\u001f \ud800 \uffff 😀 fin';
    const xml = renderDocument(el('feed', { title: nasty, absent: undefined, none: null }, el('entry', {}, nasty), el('empty')));
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toContain('absent');
    expect(xml).not.toContain('none');
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, trimValues: false }).parse(xml) as {
      feed: { '@_title': string; entry: string };
    };
    const expected = 'a < b && c > d "quoted" \'single\' ]]> <!-- x -->    😀 fin';
    expect(parsed.feed.entry).toBe(expected);
    expect(parsed.feed['@_title']).toBe(expected);
    expect(escapeText('<&>')).toBe('&lt;&amp;&gt;');
    expect(escapeAttribute('"a\nb"')).toBe('&quot;a&#10;b&quot;');
  });

  it('EXPORT6 indents element-only content and writes mixed content as it is', () => {
    const xml = renderDocument(el('p', {}, el('b', {}, 'gras'), el('i', {}, 'italique')));
    expect(xml).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<p>\n  <b>gras</b>\n  <i>italique</i>\n</p>\n');
    expect(renderDocument(el('p', {}, 'Avant ', el('b', {}, 'gras'), ' après'))).toContain('<p>Avant <b>gras</b> après</p>');
  });
});
