/**
 * The consultation as API bodies: the draft bill for `POST /bills`, and each proposal as an `add_article`
 * amendment placed after the last draft article of its section.
 */
import type { z } from 'zod';
import type { CreateAmendmentBody } from '../../../shared/api/amendments.ts';
import type { CreateBillBodySchema } from '../../../shared/api/bills.ts';
import type { Consultation, Opinion } from './readConsultation.ts';

/** The first day of the consultation (26 Sept. – 18 Oct. 2015): the date of the text citizens amended. */
export const CONSULTATION_DATE = '2015-09-26';

/** Body of `POST /bills` holding the 30 draft articles in their sections. */
export function draftBillBody(consultation: Consultation): z.input<typeof CreateBillBodySchema> {
  return {
    title: consultation.title,
    shortTitle: 'République numérique (consultation)',
    proposalType: 'PJL',
    // No source reference: replays may run several times against one database (BILL4 refuses a reused one).
    sourceRef: null,
    depot: {
      institution: 'assemblee',
      date: CONSULTATION_DATE,
      sourceUrl: 'https://www.republique-numerique.fr/projects/projet-de-loi-numerique/consultation/consultation',
      sections: consultation.sections.map((section) => ({ key: section.key, title: section.title, type: 'section' })),
      articles: consultation.articles.map((article) => ({ number: article.number, sectionKey: article.sectionKey, status: null, alineas: article.alineas })),
    },
  };
}

/** The number of the article a proposal adds: unique per proposal. */
export const proposalNumber = (opinion: Opinion) => `P${opinion.id}`;

/** The proposal's text as a dispositif: its alinéas, one per line (as the live document holds them). */
export const proposalText = (opinion: Opinion) => opinion.alineas.join('\n');

/**
 * The draft of a proposal: a new article after the last draft article of its section, with the proposal's title
 * as exposé sommaire. `articleIdOf` maps a draft article's number to its id in the created bill.
 */
export function proposalAmendment(consultation: Consultation, opinion: Opinion, articleIdOf: (number: string) => string): CreateAmendmentBody {
  const last = consultation.articles.filter((article) => article.sectionKey === opinion.sectionKey).at(-1);
  if (last === undefined) throw new Error(`proposal ${opinion.id}: no draft article in its section ${opinion.sectionKey}`);
  return {
    kind: 'add_article',
    afterArticleId: articleIdOf(last.number),
    number: proposalNumber(opinion),
    text: proposalText(opinion),
    expose: opinion.title,
  };
}
