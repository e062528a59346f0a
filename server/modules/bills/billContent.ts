/**
 * A bill's whole content as one value: what an import produces, what an admin creates, what the
 * statistics and history read. Natural keys (step key, article number, amendment number) identify
 * each part, so saving the same content twice changes nothing.
 */

/** An article as it reads in one text. */
export interface ArticleContent {
  number: string;
  sectionKey: string | null;
  status: string | null;
  alineas: string[];
  links: string[];
  newNumber: string | null;
}

/** A title, chapter or section of a text. */
export interface SectionContent {
  key: string;
  title: string;
  type: string;
  newKey: string | null;
}

/** The text produced at the end of a step. */
export interface TextContent {
  title: string;
  sourceUrl: string | null;
  expose: string;
  metadata: Record<string, unknown>;
  sections: SectionContent[];
  articles: ArticleContent[];
}

/** La Fabrique's summary of a step's debates. */
export interface DebatesContent {
  totalSittings: number;
  speakers: string[];
  divisions: { title: string; order: number; totalInterventions: number; totalWords: number }[];
}

/** A legislative step and what it produced. */
export interface StepContent {
  key: string;
  stage: string;
  institution: string;
  kind: string | null;
  date: string | null;
  endDate: string | null;
  debatsOrder: number | null;
  echec: string | null;
  decision: string | null;
  sourceUrl: string | null;
  amendmentCount: number | null;
  extra: Record<string, unknown>;
  text: TextContent | null;
  debates: DebatesContent | null;
}

/** A political group named by amendments. */
export interface GroupContent {
  code: string;
  name: string;
  color: string | null;
  link: string | null;
  displayOrder: number | null;
}

/** Outcomes an amendment can have (the lifecycle's end states, plus La Fabrique's undifferentiated "non-voté"). */
export const AmendmentStatus = {
  draft: 'draft',
  deposited: 'deposited',
  adopted: 'adopted',
  rejected: 'rejected',
  withdrawn: 'withdrawn',
  fallen: 'fallen',
  inadmissible: 'inadmissible',
  notMoved: 'not_moved',
  /** Not put to a vote, reason unknown: La Fabrique merges withdrawn, fallen, not moved and inadmissible. */
  notVoted: 'not_voted',
} as const;
/** One amendment status. */
export type AmendmentStatus = (typeof AmendmentStatus)[keyof typeof AmendmentStatus];

/** An amendment's metadata as assemblies publish it. */
export interface AmendmentContent {
  stepKey: string;
  number: string;
  authorName: string;
  groupCode: string | null;
  status: AmendmentStatus;
  subject: string;
  subjectOrder: number | null;
  articleNumber: string | null;
  date: string | null;
  sourceId: string | null;
  sourceUrl: string | null;
}

/** A bill and everything that belongs to it. */
export interface BillContent {
  sourceRef: string | null;
  title: string;
  shortTitle: string;
  lawName: string | null;
  loiDite: string | null;
  proposalType: string | null;
  beginning: string | null;
  end: string | null;
  urgence: boolean;
  metadata: Record<string, unknown>;
  steps: StepContent[];
  groups: GroupContent[];
  amendments: AmendmentContent[];
}
