/**
 * An amendment as an Akoma Ntoso `<amendment>`: its number, status and authors (TLCPerson, named by `docProponent`),
 * its official wording (AMEND7) in `amendmentBody`, followed by a `mod` quoting the old and new text, and in
 * `meta/analysis/activeModifications` the `textualMod` that points at the bill version it amends
 * (`…/fra@<date>/!main#art_2__al_3`). Pure: the route and the CLI read the amendment and hand it here.
 */
import type { Amendment } from '../../../shared/api/amendments.ts';
import type { Bill, Version, VersionSummary } from '../../../shared/api/bills.ts';
import { AKN_NAMESPACE, AKN_TEXT_ELEMENTS } from './billDocument.ts';
import { alineaEId, articleEId, articleHeading } from './eIds.ts';
import { billWorkUri, eIdHref, expressionUri, expressionVersion, identification, SOURCE, slug, sourceOrganization } from './frbr.ts';
import { type Destination, type Quoted, type TextualModification, textualModificationOf } from './textualMods.ts';
import { el, renderDocument, type XmlElement } from '../../common/xml.ts';

/** What the amendment document is made from. */
export interface AmendmentDocumentInput {
  bill: Pick<Bill, 'id' | 'sourceRef' | 'shortTitle' | 'beginning' | 'steps'>;
  versions: readonly VersionSummary[];
  /** The version the amendment's eIds point into: the bill's latest, from which its live text grew. */
  reference: Version;
  amendment: Amendment;
  /** A sous-amendement's parent, which it amends. */
  parent: Amendment | null;
  /** When the document is generated (ISO timestamp). */
  generated: string;
}

const STATUS_LABELS: Record<string, string> = {
  draft: 'brouillon',
  deposited: 'déposé',
  adopted: 'adopté',
  rejected: 'rejeté',
  withdrawn: 'retiré',
  fallen: 'tombé',
  inadmissible: 'irrecevable',
  not_moved: 'non soutenu',
  not_voted: 'non voté',
};

/**
 * The amendment's number in its URIs: its number in the bill; an imported one's (numbered per step by its assembly)
 * with its id, which tells the steps apart; a draft's id.
 */
export function amendmentName(amendment: Pick<Amendment, 'id' | 'number' | 'kind'>): string {
  if (amendment.number === null) return `draft-${amendment.id}`;
  return amendment.kind === 'imported' ? `${amendment.number}-${amendment.id}` : amendment.number;
}

/** The amendment's work: dated by its deposit (its creation while a draft), numbered after the bill. */
export function amendmentWorkUri(bill: AmendmentDocumentInput['bill'], amendment: Pick<Amendment, 'id' | 'number' | 'kind' | 'createdAt' | 'depositedAt'>): string {
  const date = (amendment.depositedAt ?? amendment.createdAt).slice(0, 10);
  return `/akn/fr/amendment/${date}/${slug(bill.sourceRef ?? bill.id)}-${slug(amendmentName(amendment))}`;
}

/** The amendment's expression, dated by its latest state (decided, deposited, created). */
export function amendmentExpressionUri(bill: AmendmentDocumentInput['bill'], amendment: Amendment): string {
  const date = (amendment.decidedAt ?? amendment.depositedAt ?? amendment.createdAt).slice(0, 10);
  return expressionUri(amendmentWorkUri(bill, amendment), date);
}

const MOD = 'mod_1';
const quoteMarks = { startQuote: '«', endQuote: '»' };

/** Old or new text in the body, as `quotedText` (words) or `quotedStructure` (alinéas, a whole article). */
function quotedElement(quoted: Quoted, eId: string, role: 'old' | 'new'): XmlElement {
  if (quoted.form === 'words') return el('quotedText', { eId, class: role, ...quoteMarks }, quoted.text);
  const alineas = (prefix: string) => quoted.alineas.map((text, index) => el('alinea', { eId: alineaEId(prefix, index + 1) }, el('content', {}, el('p', {}, text))));
  if (quoted.form === 'alineas') return el('quotedStructure', { eId, class: role, ...quoteMarks }, alineas(eId));
  const article = `${eId}__${articleEId(quoted.number || 'nn')}`;
  return el(
    'quotedStructure',
    { eId, class: role, ...quoteMarks },
    el('article', { eId: article }, el('num', {}, articleHeading(quoted.number)), quoted.alineas.length > 0 ? alineas(article) : el('content', {}, el('p', {}))),
  );
}

/** The `mod` quoting what changes: « Ancienne rédaction : « … » Nouvelle rédaction : « … » ». */
function modParagraph(modification: TextualModification): { paragraph: XmlElement; old: string | null; now: string | null } {
  const old = modification.old ? `${MOD}__${modification.old.form === 'words' ? 'qtext' : 'qstr'}_1` : null;
  const now = modification.new ? `${MOD}__${modification.new.form === 'words' ? 'qtext' : 'qstr'}_${old ? 2 : 1}` : null;
  const mod = el(
    'mod',
    { eId: MOD },
    modification.old && old ? ['Ancienne rédaction\u00a0: ', quotedElement(modification.old, old, 'old')] : null,
    modification.old && modification.new ? ' ' : null,
    modification.new && now ? ['Nouvelle rédaction\u00a0: ', quotedElement(modification.new, now, 'new')] : null,
  );
  return { paragraph: el('p', { class: 'modification' }, mod), old, now };
}

function destinationElement(destination: Destination, reference: string, parent: string | null): XmlElement {
  const href = destination.eId !== null ? eIdHref(reference, destination.eId) : parent !== null ? `${parent}/!main#${MOD}` : `${reference}/!main`;
  return el('destination', { href, pos: destination.pos });
}

const paragraphs = (text: string | null) => (text ?? '').split('\n').filter((line) => line.trim() !== '').map((line) => el('p', {}, line));

/** The amendment as an Akoma Ntoso document. */
export function amendmentDocument(input: AmendmentDocumentInput): XmlElement {
  const { bill, amendment, reference } = input;
  const referenceExpression = expressionUri(billWorkUri(bill), expressionVersion(reference, input.versions));
  const numberOf = (articleId: string | null) => reference.articles.find((article) => article.articleId === articleId)?.number ?? null;
  const modification = textualModificationOf(
    amendment,
    {
      articleNumber: amendment.target.articleNumber,
      afterArticleNumber: amendment.target.afterArticleId === null ? null : numberOf(amendment.target.afterArticleId),
      firstArticleNumber: reference.articles[0]?.number ?? null,
    },
    amendment.target.anchor?.alinea ?? null,
  );
  const authors = amendment.authors.filter((author) => author.status !== 'invited');
  const personEId = (userId: string) => `person_${slug(userId)}`;
  const groupEId = amendment.groupCode ? `group_${slug(amendment.groupCode)}` : null;
  const workUri = amendmentWorkUri(bill, amendment);
  const mod = modification ? modParagraph(modification) : null;
  const parentExpression = input.parent ? amendmentExpressionUri(bill, input.parent) : null;

  const analysis =
    modification &&
    el(
      'analysis',
      { source: `#${SOURCE}` },
      el(
        'activeModifications',
        {},
        el(
          'textualMod',
          { eId: 'amod_1', type: modification.type },
          el('source', { href: `#${MOD}` }),
          modification.destinations.map((destination) => destinationElement(destination, referenceExpression, parentExpression)),
          mod?.old ? el('old', { href: `#${mod.old}` }) : null,
          mod?.now ? el('new', { href: `#${mod.now}` }) : null,
        ),
      ),
    );
  const meta = el(
    'meta',
    {},
    identification({
      workUri,
      workDate: (amendment.depositedAt ?? amendment.createdAt).slice(0, 10),
      workDateName: amendment.depositedAt ? 'deposit' : 'creation',
      author: authors[0] ? `#${personEId(authors[0].user.id)}` : `#${SOURCE}`,
      expressionUri: amendmentExpressionUri(bill, amendment),
      expressionDate: (amendment.decidedAt ?? amendment.depositedAt ?? amendment.createdAt).slice(0, 10),
      expressionDateName: amendment.status,
      number: amendment.number ?? amendment.id,
      generated: input.generated,
    }),
    analysis,
    el(
      'references',
      { source: `#${SOURCE}` },
      el('activeRef', { eId: 'ref_bill', href: referenceExpression, showAs: bill.shortTitle }),
      input.parent && parentExpression ? el('activeRef', { eId: 'ref_parent', href: parentExpression, showAs: `Amendement ${input.parent.number ?? input.parent.id}` }) : null,
      sourceOrganization(),
      groupEId && amendment.groupCode ? el('TLCOrganization', { eId: groupEId, href: `/ontology/organization/fr/group/${slug(amendment.groupCode)}`, showAs: amendment.groupCode }) : null,
      authors.map((author) => el('TLCPerson', { eId: personEId(author.user.id), href: `/ontology/person/${SOURCE}/${slug(author.user.id)}`, showAs: author.user.displayName })),
    ),
  );
  const proponents = authors.flatMap((author, index) => [index > 0 ? ', ' : null, el('docProponent', { refersTo: `#${personEId(author.user.id)}` }, author.user.displayName)]).filter((node) => node !== null);
  const preface = el(
    'preface',
    {},
    el('p', {}, 'Amendement n°\u00a0', el('docNumber', {}, amendment.number ?? '(non déposé)')),
    proponents.length > 0 ? el('p', {}, 'Présenté par ', proponents, groupEId ? [' (', el('docProponent', { refersTo: `#${groupEId}` }, amendment.groupCode ?? ''), ')'] : null) : null,
    el('p', {}, el('docStatus', {}, STATUS_LABELS[amendment.status] ?? amendment.status)),
  );
  const wording = amendment.formalWording;
  const content = [...(wording ? wording.dispositif.map((line) => el('p', {}, line)) : paragraphs(amendment.text)), ...(mod ? [mod.paragraph] : [])];
  const justification = paragraphs(amendment.expose);
  const body = el(
    'amendmentBody',
    {},
    el('amendmentHeading', {}, el('p', {}, wording?.header ?? (amendment.target.articleNumber ? `ARTICLE ${amendment.target.articleNumber.toLocaleUpperCase('fr')}` : 'AMENDEMENT'))),
    el('amendmentContent', {}, content.length > 0 ? content : el('p', {})),
    justification.length > 0 ? el('amendmentJustification', {}, justification) : null,
  );
  return el('akomaNtoso', { xmlns: AKN_NAMESPACE }, el('amendment', { name: 'amendment', contains: 'singleVersion' }, meta, preface, body));
}

/** The amendment as Akoma Ntoso XML text. */
export const renderAmendment = (input: AmendmentDocumentInput): string => renderDocument(amendmentDocument(input), { textElements: AKN_TEXT_ELEMENTS });
