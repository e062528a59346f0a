/**
 * Element identifiers (eId) by the Akoma Ntoso naming convention: the element's abbreviation and its number, joined
 * to its parent's eId by `__` (`title_1__chp_2`, `art_2bis__al_3`). Article numbers are unique in a French bill, so
 * articles are identified at the document level (`art_2bis`, whatever chapter holds them), as the convention allows
 * and as amendments and references name them.
 */
import { roman } from '../../../shared/amendments/typography.ts';

/** How a La Fabrique section type is marked up: the Akoma Ntoso element, its eId abbreviation, its French label. */
interface SectionKind {
  element: string;
  abbreviation: string;
  label: string;
  /** Numbered in Roman figures with « Ier » (TITRE Ier, CHAPITRE II), as the Journal officiel prints them. */
  roman: boolean;
}

const SECTION_KINDS: Record<string, SectionKind> = {
  livre: { element: 'book', abbreviation: 'book', label: 'Livre', roman: true },
  partie: { element: 'part', abbreviation: 'part', label: 'Partie', roman: false },
  titre: { element: 'title', abbreviation: 'title', label: 'Titre', roman: true },
  'sous-titre': { element: 'subtitle', abbreviation: 'subtitle', label: 'Sous-titre', roman: true },
  chapitre: { element: 'chapter', abbreviation: 'chp', label: 'Chapitre', roman: true },
  'sous-chapitre': { element: 'subchapter', abbreviation: 'subchp', label: 'Sous-chapitre', roman: true },
  section: { element: 'section', abbreviation: 'sec', label: 'Section', roman: false },
  'sous-section': { element: 'subsection', abbreviation: 'subsec', label: 'Sous-section', roman: false },
  paragraphe: { element: 'paragraph', abbreviation: 'para', label: 'Paragraphe', roman: false },
  'sous-paragraphe': { element: 'subparagraph', abbreviation: 'subpara', label: 'Sous-paragraphe', roman: false },
};

/** The markup of a section type; an unknown type is a generic container named after it. */
export function sectionKind(type: string): SectionKind {
  const known = SECTION_KINDS[type.trim().toLowerCase()];
  if (known) return known;
  const label = type.trim() === '' ? 'Division' : type.trim().charAt(0).toLocaleUpperCase('fr') + type.trim().slice(1);
  return { element: 'hcontainer', abbreviation: 'hcontainer', label, roman: false };
}

/**
 * The number part of an eId, from a `num` as printed: leading and trailing punctuation and all spaces removed,
 * other punctuation made a hyphen, accents dropped (« 2 bis » → `2bis`, « 1er A » → `1erA`, « L. 123-4 » → `L-123-4`).
 */
export function eIdNumber(num: string): string {
  const cleaned = num
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '')
    .replace(/\s+/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-');
  return cleaned === '' ? 'nn' : cleaned;
}

/** The eId of an article: `art_2bis`. */
export const articleEId = (number: string) => `art_${eIdNumber(number)}`;

/** The eId of an alinéa (1-based) of an article: `art_2bis__al_3`. */
export const alineaEId = (articleEIdValue: string, alinea: number) => `${articleEIdValue}__al_${alinea}`;

/** « Article 1er », « Article 2 bis ». */
export const articleHeading = (number: string) => `Article ${number}`;

/** « Titre Ier », « Chapitre III bis », « Section 2 ». */
export function sectionHeading(kind: SectionKind, number: string): string {
  const match = /^(\d+)(.*)$/.exec(number);
  if (!kind.roman || !match) return `${kind.label} ${number}`.trim();
  const n = Number(match[1]);
  return `${kind.label} ${n === 1 ? 'Ier' : roman(n)}${match[2] ?? ''}`;
}

/** Hands out eIds, adding `_2`, `_3`… to one already given, so every eId of a document is unique. */
export class EIdRegistry {
  private readonly used = new Set<string>();

  /** `wanted`, or the first free `wanted_n`. */
  take(wanted: string): string {
    let eId = wanted;
    for (let n = 2; this.used.has(eId); n += 1) eId = `${wanted}_${n}`;
    this.used.add(eId);
    return eId;
  }
}
