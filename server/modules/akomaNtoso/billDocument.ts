/**
 * One version of a bill as an Akoma Ntoso `<bill>`: FRBR identification dated by the step that produced it, a preface
 * with the title and the step, and a body in which the version's sections (titres, chapitres, sections…) nest its
 * articles, each article's alinéas in order as `<alinea>` elements (`art_2bis__al_3`). Pure: the route and the CLI
 * read the version and hand it here.
 */
import type { Bill, Version, VersionSummary } from '../../../shared/api/bills.ts';
import { alineaEId, articleEId, articleHeading, eIdNumber, EIdRegistry, sectionHeading, sectionKind } from './eIds.ts';
import { billWorkUri, expressionUri, expressionVersion, identification, institutionEId, institutionName, institutionOrganization, slug, SOURCE, sourceOrganization } from './frbr.ts';
import { el, renderDocument, type XmlElement } from '../../common/xml.ts';

/** The Akoma Ntoso namespace (version 1.0, the OASIS standard). */
export const AKN_NAMESPACE = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';

/** Akoma Ntoso elements with inline content: written without indentation, which would add to their text. */
export const AKN_TEXT_ELEMENTS: ReadonlySet<string> = new Set(['p', 'num', 'heading', 'mod', 'docTitle', 'docStage', 'docStatus', 'docNumber', 'docProponent', 'shortTitle', 'quotedText']);

/** What the bill document is made from: the bill, every version's summary (to name this one), the version itself. */
export interface BillDocumentInput {
  bill: Pick<Bill, 'id' | 'sourceRef' | 'title' | 'shortTitle' | 'proposalType' | 'beginning' | 'steps'>;
  versions: readonly VersionSummary[];
  version: Version;
  /** When the document is generated (ISO timestamp). */
  generated: string;
}

type Section = Version['sections'][number];
type Article = Version['articles'][number];

/** A section and where it sits: its parent's key (null at the top) and its own number. */
interface PlacedSection {
  section: Section;
  parentKey: string | null;
  number: string;
}

/**
 * La Fabrique keys sections by their path (`T1`, `T1C2`, `T1C2S3`, `C3 bis`): a section's parent is the longest other
 * key it starts with, followed by the next level's letter (so `C3` is not the parent of `C3 bis`, nor `T1` of `T10`).
 */
export function placeSections(sections: readonly Section[]): Map<string, PlacedSection> {
  const placed = new Map<string, PlacedSection>();
  for (const section of sections) {
    let parentKey: string | null = null;
    for (const other of sections) {
      const startsLevel = section.key.startsWith(other.key) && /^[A-Z]/.test(section.key.slice(other.key.length));
      if (other.key !== section.key && startsLevel && (parentKey === null || other.key.length > parentKey.length)) parentKey = other.key;
    }
    const own = section.key.slice(parentKey?.length ?? 0);
    const number = /\d/.test(own) ? own.replace(/^[A-Z]+/, '').trim() : section.key;
    placed.set(section.key, { section, parentKey, number });
  }
  return placed;
}

/** A section's chain of ancestors, outermost first, ending with itself. */
function chainOf(key: string | null, placed: Map<string, PlacedSection>): PlacedSection[] {
  const chain: PlacedSection[] = [];
  const seen = new Set<string>();
  for (let current = key === null ? undefined : placed.get(key); current && !seen.has(current.section.key); current = current.parentKey === null ? undefined : placed.get(current.parentKey)) {
    seen.add(current.section.key);
    chain.unshift(current);
  }
  return chain;
}

function articleElement(article: Article, eIds: EIdRegistry): XmlElement {
  const eId = eIds.take(articleEId(article.number));
  const alineas = article.alineas.map((text, index) => el('alinea', { eId: eIds.take(alineaEId(eId, index + 1)) }, el('content', {}, el('p', {}, text))));
  return el(
    'article',
    { eId, class: article.status && article.status !== 'none' ? slug(article.status).toLowerCase() : undefined },
    el('num', {}, articleHeading(article.number)),
    // A hierarchy must hold something: an article without alinéas (a deleted one) holds an empty paragraph.
    alineas.length > 0 ? alineas : el('content', {}, el('p', {})),
  );
}

/** An open section while the body is built: its element and where its children go. */
interface OpenSection {
  key: string;
  eId: string;
  element: XmlElement;
}

function sectionElement(placed: PlacedSection, parentEId: string | null, eIds: EIdRegistry): OpenSection {
  const kind = sectionKind(placed.section.type);
  const own = `${kind.abbreviation}_${eIdNumber(placed.number)}`;
  const eId = eIds.take(parentEId === null ? own : `${parentEId}__${own}`);
  const attributes = kind.element === 'hcontainer' ? { eId, name: eIdNumber(placed.section.type) } : { eId };
  const element = el(kind.element, attributes, el('num', {}, sectionHeading(kind, placed.number)), placed.section.title ? el('heading', {}, placed.section.title) : null);
  return { key: placed.section.key, eId, element };
}

/**
 * The body: articles in text order, each inside its section's chain, opened and closed as the text goes (an article
 * back in an earlier chapter reopens it). Sections holding no article are kept, empty, at the end.
 */
export function bodyOf(version: Pick<Version, 'sections' | 'articles'>, eIds: EIdRegistry): XmlElement {
  const body = el('body', {});
  const placed = placeSections(version.sections);
  const stack: OpenSection[] = [];
  const used = new Set<string>();
  const append = (element: XmlElement) => (stack.at(-1)?.element ?? body).children.push(element);
  const open = (chain: PlacedSection[]) => {
    let common = 0;
    while (common < stack.length && common < chain.length && stack[common]?.key === chain[common]?.section.key) common += 1;
    stack.length = common;
    for (const section of chain.slice(common)) {
      const opened = sectionElement(section, stack.at(-1)?.eId ?? null, eIds);
      append(opened.element);
      stack.push(opened);
      used.add(section.section.key);
    }
  };
  for (const article of version.articles) {
    open(chainOf(article.sectionKey, placed));
    append(articleElement(article, eIds));
  }
  for (const section of version.sections) {
    if (used.has(section.key)) continue;
    open(chainOf(section.key, placed));
    stack.at(-1)?.element.children.push(el('content', {}, el('p', {})));
  }
  return body;
}

const STEP_DATE_NAMES: Record<string, string> = { depot: 'depot', commission: 'commission', hemicycle: 'hemicycle' };

/** The step's words: « 1ère lecture – Assemblée nationale – commission ». */
export const stepLabel = (version: Pick<VersionSummary, 'stage' | 'institution' | 'kind'>) =>
  [version.stage, institutionName(version.institution), version.kind].filter((part) => part !== null && part !== '').join(' – ');

/** The version as an Akoma Ntoso document. */
export function billVersionDocument(input: BillDocumentInput): XmlElement {
  const { bill, version } = input;
  const workUri = billWorkUri(bill);
  const expression = expressionUri(workUri, expressionVersion(version, input.versions));
  const institutions = [...new Set([bill.steps[0]?.institution ?? version.institution, version.institution])];
  const eIds = new EIdRegistry();
  const meta = el(
    'meta',
    {},
    identification({
      workUri,
      workDate: bill.steps[0]?.date ?? bill.beginning ?? version.date ?? '0001-01-01',
      workDateName: 'depot',
      author: `#${institutionEId(institutions[0] ?? version.institution)}`,
      expressionUri: expression,
      expressionDate: version.date ?? bill.steps[0]?.date ?? '0001-01-01',
      expressionDateName: STEP_DATE_NAMES[version.kind ?? ''] ?? 'version',
      number: bill.sourceRef ?? bill.id,
      name: bill.shortTitle,
      subtype: bill.proposalType?.toLowerCase(),
      versionNumber: version.stepKey,
      generated: input.generated,
    }),
    el('references', { source: `#${SOURCE}` }, sourceOrganization(), institutions.map(institutionOrganization)),
  );
  const preface = el(
    'preface',
    {},
    el('longTitle', {}, el('p', {}, el('docTitle', {}, bill.title))),
    el('p', {}, el('docStage', {}, stepLabel(version)), version.date ? ' – ' : null, version.date ? el('docDate', { date: version.date }, version.date) : null),
    version.title ? el('p', {}, el('shortTitle', {}, version.title)) : null,
  );
  return el('akomaNtoso', { xmlns: AKN_NAMESPACE }, el('bill', { name: 'bill', contains: 'singleVersion' }, meta, preface, bodyOf(version, eIds)));
}

/** The version as Akoma Ntoso XML text. */
export const renderBillVersion = (input: BillDocumentInput): string => renderDocument(billVersionDocument(input), { textElements: AKN_TEXT_ELEMENTS });
