// Neutral in-memory representation of a bill's procedure, rich enough to recompute what
// La Fabrique de la loi (regardscitoyens/the-law-factory-parser) derives from it, without
// depending on La Fabrique's JSON layout (importers map their own sources onto these types).

/** One article of a step's text, alinéas in reading order. */
export interface ProcedureArticle {
  /** Article title as printed, e.g. '1er', '2 bis A'; it is the article's identity across steps. */
  number: string;
  /** Raw status label ('none', 'nouveau', 'supprimé', 'conforme'…) or null when absent. */
  status: string | null;
  /** Alinéas in order; empty strings are kept (some figures count them, others drop them). */
  alineas: string[];
  /** Final number given by the last text (La Fabrique's `newtitre`), null when not renumbered. */
  newNumber: string | null;
  /** Key of the section containing the article, null when the text has no sections. */
  sectionKey: string | null;
}

/** One step of the procedure (dépôt, commission, séance, CMP, Conseil constitutionnel…). */
export interface ProcedureStep {
  /** Stable step key, e.g. '01_1erelecture_assemblee_commission' (any unique string for live bills). */
  directory: string;
  /** Reading: '1ère lecture', 'CMP', 'nouv. lect.', 'constitutionnalité', 'promulgation'… */
  stage: string;
  /** 'assemblee', 'senat', 'CMP', 'conseil constitutionnel', 'gouvernement'. */
  institution: string;
  /** La Fabrique's `step`: 'depot' | 'commission' | 'hemicycle', or null (CC, promulgation). */
  kind: string | null;
  date: string | null;
  endDate: string | null;
  /** Non-null when the step produced a text of its own (La Fabrique's `debats_order`). */
  debatsOrder: number | null;
  /** Failure label ('échec', 'rejet', 'renvoi en commission'…) or null. */
  echec: string | null;
  /** Conseil constitutionnel decision, e.g. 'partiellement conforme'. */
  decision: string | null;
  /** Official URL of the text; used to recognise the Sénat's own dépôt among repeated dépôts. */
  sourceUrl: string | null;
  /** True for the step currently under discussion (live bills). */
  inDiscussion?: boolean;
  /** Text adopted at the end of the step; null when the step produced no text. */
  text: { articles: ProcedureArticle[] } | null;
}

/** One amendment, reduced to what the statistics need. */
export interface ProcedureAmendment {
  stepDirectory: string;
  /** Political group acronym, or 'Gouvernement'. */
  group: string | null;
  /** Normalised outcome: 'adopté', 'rejeté' or 'non-voté' (only 'adopté' matters to the statistics). */
  outcome: string;
}

/** Debates of one step: sittings, distinct speakers, per-division counts. */
export interface StepDebates {
  stepDirectory: string;
  totalSittings: number;
  /** Distinct speaker keys of the step. */
  speakers: string[];
  divisions: { totalInterventions: number; totalWords: number }[];
}

/** A whole bill. */
export interface Procedure {
  /** Sénat dossier id, e.g. 'pjl15-034'. */
  senatId: string | null;
  /** ISO dates (YYYY-MM-DD). */
  beginning: string | null;
  end: string | null;
  steps: ProcedureStep[];
  amendments: ProcedureAmendment[];
  debates: StepDebates[];
}
