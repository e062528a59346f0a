import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { element, escapeXml, serialize } from './xml.ts';

describe('the XML writer of the Atom feed', () => {
  it('FEED2 escapes markup in text and attributes and drops characters XML cannot carry, so any text gives a well-formed document', () => {
    const nasty = 'a < b && c > d "quoted" \'single\' ]]> <!-- x --> \u0000\u0007\u001f \ud800 😀 fin';
    const xml = serialize(element('feed', { title: nasty, absent: undefined }, element('entry', {}, nasty), element('empty')));
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toContain('absent');
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, trimValues: false }).parse(xml) as {
      feed: { '@_title': string; entry: string };
    };
    const expected = 'a < b && c > d "quoted" \'single\' ]]> <!-- x -->   😀 fin';
    expect(parsed.feed.entry).toBe(expected);
    expect(parsed.feed['@_title']).toBe(expected);
    expect(escapeXml('<&>"\'')).toBe('&lt;&amp;&gt;&quot;&apos;');
  });
});
