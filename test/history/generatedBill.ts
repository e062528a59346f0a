/**
 * Seeded generator of bill texts that read like French law (articles of numbered alinéas amending codes), and of
 * the edits a reading makes to them, for the word diff's property tests and `npm run bench:history`. Every phrase
 * is assembled here from small word lists; no real bill is copied.
 */
import { mulberry32, randomInt } from '../helpers/random.ts';

export { mulberry32, randomInt };

/** An article: its number and its alinéas. */
export interface GeneratedArticle {
  number: string;
  alineas: string[];
}

const CODES = [
  'code de la santé publique',
  'code général des collectivités territoriales',
  'code de l’environnement',
  'code de la sécurité sociale',
  'code du travail',
  'code des relations entre le public et l’administration',
  'code de l’éducation',
  'code de commerce',
  'code pénal',
  'code de procédure pénale',
];
const SUBJECTS = [
  'l’autorité administrative',
  'le représentant de l’État dans le département',
  'l’organisme gestionnaire',
  'la commission départementale',
  'le président du conseil régional',
  'l’établissement public',
  'le maire',
  'l’exploitant',
  'la personne publique',
  'le ministre chargé de l’économie',
];
const VERBS = ['publie', 'transmet', 'notifie', 'rend public', 'communique', 'met à disposition', 'arrête', 'fixe'];
const OBJECTS = [
  'la liste des traitements algorithmiques',
  'le rapport annuel d’activité',
  'les données relatives aux marchés publics',
  'le montant des aides attribuées',
  'les règles définissant les principaux traitements',
  'l’état des lieux des installations',
  'le schéma régional de cohérence',
  'les conditions d’accès aux documents administratifs',
  'la liste des bénéficiaires',
  'le plan de prévention des risques',
];
const CONDITIONS = [
  'dans un délai de trois mois à compter de sa réception',
  'selon des modalités fixées par décret en Conseil d’État',
  'sous réserve des secrets protégés par la loi',
  'après avis de la Commission nationale de l’informatique et des libertés',
  'au plus tard le 1er janvier 2027',
  'dans des conditions garantissant la protection des données personnelles',
  'lorsque le nombre d’agents est supérieur à cinquante',
  'à l’exception des documents mentionnés à l’article L. 311-5',
];
const WORDS = ['annuellement', 'préalablement', 'sans délai', 'en ligne', 'par voie électronique', 'gratuitement', 'de manière lisible', 'intégralement'];
const ORDINALS = ['premier', 'deuxième', 'troisième', 'quatrième', 'cinquième', 'dernier'];

/** One alinéa, drawn from the usual forms: an amending instruction, a quoted new wording, or a plain rule. */
function alinea(random: () => number, index: number): string {
  const pick = <T>(list: readonly T[]) => list[randomInt(random, list.length)] as T;
  const article = `L. ${100 + randomInt(random, 900)}-${1 + randomInt(random, 12)}`;
  switch (randomInt(random, 6)) {
    case 0:
      return `L’article ${article} du ${pick(CODES)} est ainsi modifié :`;
    case 1:
      return `${index + 1}° Au ${pick(ORDINALS)} alinéa, les mots : « ${pick(OBJECTS)} » sont remplacés par les mots : « ${pick(OBJECTS)} ${pick(WORDS)} » ;`;
    case 2:
      return `${index + 1}° Après le mot : « ${pick(WORDS)} », sont insérés les mots : « ${pick(CONDITIONS)} » ;`;
    case 3:
      return `« Art. ${article}. – ${capitalise(pick(SUBJECTS))} ${pick(VERBS)} ${pick(OBJECTS)} ${pick(CONDITIONS)}. ${capitalise(pick(SUBJECTS))} ${pick(VERBS)} ${pick(WORDS)} ${pick(OBJECTS)}. » ;`;
    case 4:
      return `${capitalise(pick(SUBJECTS))} ${pick(VERBS)} ${pick(WORDS)} ${pick(OBJECTS)}, ${pick(CONDITIONS)}, et ${pick(VERBS)} ${pick(OBJECTS)} ${pick(CONDITIONS)}.`;
    default:
      return `Un décret en Conseil d’État précise les conditions d’application du présent article, notamment ${pick(OBJECTS)} et ${pick(OBJECTS)} ${pick(CONDITIONS)}.`;
  }
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A bill of about `targetChars` characters (alinéas joined by newlines), the same for the same seed. */
export function generateBill(seed: number, targetChars: number): GeneratedArticle[] {
  const random = mulberry32(seed);
  const articles: GeneratedArticle[] = [];
  let size = 0;
  while (size < targetChars) {
    const count = 2 + randomInt(random, 12);
    const alineas = Array.from({ length: count }, (_, i) => alinea(random, i));
    articles.push({ number: articles.length === 0 ? '1er' : String(articles.length + 1), alineas });
    size += alineas.reduce((sum, text) => sum + text.length + 1, 0);
  }
  return articles;
}

/** The whole text of a bill: articles' alinéas, one per line. */
export const billText = (articles: readonly GeneratedArticle[]) => articles.map((article) => article.alineas.join('\n')).join('\n');

/**
 * One edit of the kind a committee makes: a word replaced, words inserted or deleted, a number changed, an alinéa
 * added or removed. `text` is one alinéa; returns the new wording (never equal to the old one).
 */
export function editAlinea(random: () => number, text: string): string {
  const words = text.split(' ');
  const at = randomInt(random, words.length);
  const pick = <T>(list: readonly T[]) => list[randomInt(random, list.length)] as T;
  switch (randomInt(random, 5)) {
    case 0:
      words[at] = pick(WORDS);
      break;
    case 1:
      words.splice(at, 0, ...pick(CONDITIONS).split(' '));
      break;
    case 2:
      if (words.length > 4) words.splice(at, 1 + randomInt(random, 3));
      else words.push(pick(WORDS));
      break;
    case 3:
      words[at] = `${randomInt(random, 1000)}`;
      break;
    default:
      words.splice(at, 0, pick(WORDS).toUpperCase());
  }
  const edited = words.join(' ');
  return edited === text ? `${text} ${pick(WORDS)}` : edited;
}

/**
 * The bill after `edits` edits at random places: mostly alinéas reworded, sometimes one added or removed. The input
 * is not changed.
 */
export function editBill(random: () => number, articles: readonly GeneratedArticle[], edits: number): GeneratedArticle[] {
  const result = articles.map((article) => ({ number: article.number, alineas: [...article.alineas] }));
  for (let i = 0; i < edits; i += 1) {
    const article = result[randomInt(random, result.length)] as GeneratedArticle;
    const at = randomInt(random, article.alineas.length);
    const kind = randomInt(random, 10);
    if (kind === 0) article.alineas.splice(at, 0, alinea(random, at));
    else if (kind === 1 && article.alineas.length > 1) article.alineas.splice(at, 1);
    else article.alineas[at] = editAlinea(random, article.alineas[at] as string);
  }
  return result;
}

/**
 * About `chars` characters of alinéas made of this generator's words in a random order: two seeds give texts with
 * the same vocabulary and nothing else in common, the worst case for a diff.
 */
export function unrelatedAlineas(seed: number, chars: number): string[] {
  const random = mulberry32(seed);
  const words = generateBill(seed, chars).flatMap((article) => article.alineas.join(' ').split(' '));
  for (let i = words.length - 1; i > 0; i -= 1) {
    const j = randomInt(random, i + 1);
    [words[i], words[j]] = [words[j] as string, words[i] as string];
  }
  const alineas: string[] = [];
  for (let i = 0; i < words.length; i += 60) alineas.push(words.slice(i, i + 60).join(' '));
  return alineas;
}
