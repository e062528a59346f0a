/**
 * The consultation's bodies are HTML from a rich-text editor; the server's texts are plain alinéas (one paragraph
 * each, no line breaks). This turns one into the other the way `derived/avant-projet_consultation_texte.json` was
 * made: split on block boundaries (<p>, <br>, list items, headings…), drop the other tags, decode entities,
 * collapse white space (non-breaking spaces included) and drop empty paragraphs.
 */

// Tags that end a paragraph: the editor's <p> and <br>, and the block elements some proposals were pasted with.
const BLOCK_BOUNDARY = /<\s*\/?\s*(?:p|br|div|li|ul|ol|h[1-6]|blockquote|hr)\b[^>]*>/gi;
const ANY_TAG = /<[^>]*>/g;

// Every named entity the 696 bodies use, plus the other Latin-1 letters French text may need. An entity outside
// this table fails loudly (see decodeEntities) rather than leaking "&xxx;" into a text under test.
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', emsp: '\u2003', ensp: '\u2002', thinsp: '\u2009',
  laquo: '«', raquo: '»', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', sbquo: '‚', bdquo: '„',
  hellip: '…', ndash: '–', mdash: '—', minus: '−', bull: '•', middot: '·', deg: '°', sect: '§', para: '¶',
  euro: '€', copy: '©', reg: '®', trade: '™', times: '×', divide: '÷', frac12: '½', frac14: '¼', frac34: '¾', sup2: '²',
  agrave: 'à', aacute: 'á', acirc: 'â', atilde: 'ã', auml: 'ä', aelig: 'æ', ccedil: 'ç',
  egrave: 'è', eacute: 'é', ecirc: 'ê', euml: 'ë', igrave: 'ì', iacute: 'í', icirc: 'î', iuml: 'ï',
  ograve: 'ò', oacute: 'ó', ocirc: 'ô', otilde: 'õ', ouml: 'ö', oelig: 'œ', ugrave: 'ù', uacute: 'ú', ucirc: 'û', uuml: 'ü', yuml: 'ÿ',
  Agrave: 'À', Aacute: 'Á', Acirc: 'Â', Atilde: 'Ã', Auml: 'Ä', AElig: 'Æ', Ccedil: 'Ç',
  Egrave: 'È', Eacute: 'É', Ecirc: 'Ê', Euml: 'Ë', Icirc: 'Î', Iuml: 'Ï', Ocirc: 'Ô', OElig: 'Œ', Ugrave: 'Ù', Ucirc: 'Û', Uuml: 'Ü',
};

/** Decodes named and numeric character references; throws on a named one it does not know. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    const decoded = NAMED_ENTITIES[name];
    if (decoded === undefined) throw new Error(`unknown HTML entity ${whole}: add it to NAMED_ENTITIES`);
    return decoded;
  });
}

/** One HTML body as plain alinéas: none empty, none with a line break, none with surrounding spaces. */
export function htmlToAlineas(html: string): string[] {
  return html
    .replace(BLOCK_BOUNDARY, '\n')
    .replace(ANY_TAG, '')
    .split('\n')
    .map((paragraph) => decodeEntities(paragraph).replace(/\s+/g, ' ').trim())
    .filter((paragraph) => paragraph !== '');
}
