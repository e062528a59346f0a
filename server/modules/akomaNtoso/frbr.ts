/**
 * FRBR identification of the documents we export, by the Akoma Ntoso naming convention: a bill is a work
 * (`/akn/fr/bill/<dépôt date>/<number>`), each version of its text an expression (`…/fra@<step date>`), the XML we
 * write a manifestation (`…/!main.xml`); an amendment is a work of its own. References (the institutions, us) are
 * listed once in `meta/references` and pointed at with `#eId`.
 */
import type { Bill, VersionSummary } from '../../../shared/api/bills.ts';
import { el, type XmlElement } from '../../common/xml.ts';

/** The organisation that writes these documents: `source` of every metadata block. */
export const SOURCE = 'loilive';
const SOURCE_REF = `#${SOURCE}`;

const INSTITUTIONS: Record<string, string> = {
  assemblee: 'Assemblée nationale',
  senat: 'Sénat',
  CMP: 'Commission mixte paritaire',
  'congrès': 'Congrès du Parlement',
  'conseil constitutionnel': 'Conseil constitutionnel',
  gouvernement: 'Gouvernement',
};

/** The name of an institution as La Fabrique codes it (« assemblee » → « Assemblée nationale »). */
export const institutionName = (institution: string) => INSTITUTIONS[institution] ?? institution;

/** A safe id from any string: letters, digits and hyphens. */
export function slug(value: string): string {
  const cleaned = value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return cleaned === '' ? 'x' : cleaned;
}

/** The eId of an institution in `references`. */
export const institutionEId = (institution: string) => slug(institution).toLowerCase();

const UNDATED = '0001-01-01';

/** The bill's work: dated by its dépôt, numbered by its source reference (La Fabrique's id) or, failing that, our id. */
export function billWorkUri(bill: Pick<Bill, 'id' | 'sourceRef' | 'beginning' | 'steps'>): string {
  const date = bill.steps[0]?.date ?? bill.beginning ?? UNDATED;
  return `/akn/fr/bill/${date}/${slug(bill.sourceRef ?? bill.id)}`;
}

/**
 * The version part of a version's expression: its step's date, followed by `;2`, `;3`… for the second and later
 * versions of the same day, so every version has its own expression.
 */
export function expressionVersion(version: Pick<VersionSummary, 'id' | 'date'>, all: readonly Pick<VersionSummary, 'id' | 'date'>[]): string {
  const date = version.date ?? UNDATED;
  const sameDay = all.filter((other) => (other.date ?? UNDATED) === date);
  const rank = sameDay.findIndex((other) => other.id === version.id) + 1;
  return rank > 1 ? `${date};${rank}` : date;
}

/** The expression of a version: `<work>/fra@<version>`. */
export const expressionUri = (workUri: string, version: string) => `${workUri}/fra@${version}`;

/** Where eIds of a version point: the expression's main document, `…/fra@<version>/!main#art_2`. */
export const eIdHref = (expression: string, eId: string) => `${expression}/!main#${eId}`;

/** What an `identification` block says. */
export interface Identification {
  workUri: string;
  workDate: string;
  workDateName: string;
  /** The FRBRauthor of the work and expression, an `#eId` of `references`. */
  author: string;
  expressionUri: string;
  expressionDate: string;
  expressionDateName: string;
  /** FRBRnumber of the work, FRBRname and FRBRsubtype where known. */
  number: string;
  name?: string | undefined;
  subtype?: string | undefined;
  versionNumber?: string | undefined;
  /** When the XML was generated (the manifestation's date). */
  generated: string;
}

/** `meta/identification` with the three FRBR levels. */
export function identification(id: Identification): XmlElement {
  const day = id.generated.slice(0, 10);
  return el(
    'identification',
    { source: SOURCE_REF },
    el(
      'FRBRWork',
      {},
      el('FRBRthis', { value: `${id.workUri}/!main` }),
      el('FRBRuri', { value: id.workUri }),
      el('FRBRdate', { date: id.workDate, name: id.workDateName }),
      el('FRBRauthor', { href: id.author }),
      el('FRBRcountry', { value: 'fr' }),
      id.subtype ? el('FRBRsubtype', { value: id.subtype }) : null,
      el('FRBRnumber', { value: id.number }),
      id.name ? el('FRBRname', { value: id.name }) : null,
    ),
    el(
      'FRBRExpression',
      {},
      el('FRBRthis', { value: `${id.expressionUri}/!main` }),
      el('FRBRuri', { value: id.expressionUri }),
      el('FRBRdate', { date: id.expressionDate, name: id.expressionDateName }),
      el('FRBRauthor', { href: id.author }),
      id.versionNumber ? el('FRBRversionNumber', { value: id.versionNumber }) : null,
      el('FRBRlanguage', { language: 'fra' }),
    ),
    el(
      'FRBRManifestation',
      {},
      el('FRBRthis', { value: `${id.expressionUri}/!main.xml` }),
      el('FRBRuri', { value: `${id.expressionUri}.akn` }),
      el('FRBRdate', { date: day, name: 'generation' }),
      el('FRBRauthor', { href: SOURCE_REF }),
      el('FRBRformat', { value: 'application/akn+xml' }),
    ),
  );
}

/** Ourselves, as `references` lists us. */
export const sourceOrganization = () => el('TLCOrganization', { eId: SOURCE, href: `/ontology/organization/${SOURCE}`, showAs: 'loi.live' });

/** An institution, as `references` lists it. */
export const institutionOrganization = (institution: string) =>
  el('TLCOrganization', { eId: institutionEId(institution), href: `/ontology/organization/fr/${institutionEId(institution)}`, showAs: institutionName(institution) });
