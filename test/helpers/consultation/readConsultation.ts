/**
 * Reads the République numérique consultation into what the replay needs: the draft bill (30 articles in sections)
 * and the 696 opinions (the government's articles and the citizens' proposals), each with its arguments and vote
 * counts. Files are validated with zod; a file that breaks an expectation fails naming the file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { ArgumentSide } from '../../../shared/api/arguments.ts';
import { draftTextFile, opinionsDir } from './dataDir.ts';
import { htmlToAlineas } from './html.ts';
import { DraftTextFileSchema, OpinionFileSchema } from './sourceSchemas.ts';

/** The account name of the government's draft articles in the consultation. */
export const GOVERNMENT = 'Gouvernement';

/** A section of the draft bill, keyed for `POST /bills`. */
export interface ConsultationSection {
  key: string;
  title: string;
}

/** One of the draft articles submitted to the consultation. */
export interface DraftArticle {
  number: string;
  sectionKey: string;
  alineas: string[];
  /** The consultation opinion that presented this article (votes and arguments are on it). */
  opinionId: number;
}

/** An argument pour or contre an opinion, as the API will store it. */
export interface ConsultationArgument {
  id: number;
  side: ArgumentSide;
  /** Trimmed, as the API trims argument bodies. */
  body: string;
  /** The author's pseudonym (the same person keeps it across files). */
  author: string;
}

/** The d'accord / pas d'accord / mitigé counts of an opinion. */
export interface VoteCounts {
  agree: number;
  disagree: number;
  mixed: number;
}

/** A government article or a citizen's proposal of a new article. */
export interface Opinion {
  id: number;
  kind: 'article' | 'proposal';
  title: string;
  author: string;
  sectionKey: string;
  /** The body as plain alinéas (for a proposal, the text of the article it adds). */
  alineas: string[];
  trashed: boolean;
  votes: VoteCounts;
  arguments: ConsultationArgument[];
}

/** The whole consultation, opinions in id order. */
export interface Consultation {
  title: string;
  sections: ConsultationSection[];
  articles: DraftArticle[];
  opinions: Opinion[];
}

function parseFile<T extends z.ZodType>(schema: T, file: string): z.infer<T> {
  const parsed = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

function fail(message: string): never {
  throw new Error(`consultation data: ${message}`);
}

/** Reads and checks the consultation data under `dir` (see dataDir.ts). */
export function readConsultation(dir: string): Consultation {
  const text = parseFile(DraftTextFileSchema, draftTextFile(dir));
  // Section titles ("Section 1 - Ouverture des données publiques") are unique; keys follow the text's order.
  const sectionTitles = [...new Set(text.articles.map((article) => article.section_consultation))];
  const sections = sectionTitles.map((title, index) => ({ key: `S${index + 1}`, title }));
  const sectionKeyOf = (title: string) => sections.find((section) => section.title === title)?.key ?? fail(`no draft article in section "${title}"`);
  const articles = [...text.articles]
    .sort((a, b) => a.order - b.order)
    .map((article) => ({
      number: article.titre,
      sectionKey: sectionKeyOf(article.section_consultation),
      // Keys "001", "002"… give the order of the alinéas.
      alineas: Object.keys(article.alineas)
        .sort()
        .map((key) => article.alineas[key] as string),
      opinionId: article.consultation_opinion_id,
    }));

  const folder = opinionsDir(dir);
  const files = readdirSync(folder).filter((name) => name.endsWith('.json'));
  const opinions = files
    .map((name) => {
      const { opinion } = parseFile(OpinionFileSchema, path.join(folder, name));
      const kind = opinion.author.username === GOVERNMENT ? ('article' as const) : ('proposal' as const);
      if (kind === 'article' && !articles.some((article) => article.opinionId === opinion.id)) fail(`government opinion ${opinion.id} is no draft article`);
      return {
        id: opinion.id,
        kind,
        title: opinion.title,
        author: opinion.author.username,
        sectionKey: sectionKeyOf(`${opinion.type.title} - ${opinion.type.subtitle}`),
        alineas: htmlToAlineas(opinion.body),
        trashed: opinion.is_trashed,
        votes: { agree: opinion.votes_ok, disagree: opinion.votes_nok, mixed: opinion.votes_mitige },
        arguments: opinion.arguments.map((argument) => ({
          id: argument.id,
          side: argument.type === 1 ? ('pour' as const) : ('contre' as const),
          body: argument.body.trim(),
          author: argument.author.pseudonym,
        })),
      };
    })
    .sort((a, b) => a.id - b.id);
  const government = opinions.filter((opinion) => opinion.kind === 'article');
  if (government.length !== articles.length) fail(`${government.length} government opinions for ${articles.length} draft articles`);
  const empty = opinions.find((opinion) => opinion.alineas.length === 0);
  if (empty) fail(`opinion ${empty.id} has no text`);
  return { title: text.titre, sections, articles, opinions };
}

/** The sum of an opinion's votes. */
export const votesTotal = (votes: VoteCounts) => votes.agree + votes.disagree + votes.mixed;
