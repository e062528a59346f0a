/**
 * Schemas of La Fabrique de la loi's parser output: only the fields we import are checked; the rest
 * of each object is kept as metadata. Field names are La Fabrique's own.
 */
import { z } from 'zod';
import { INSTITUTIONS, STAGES, STEP_KINDS } from '../../../shared/legislative.ts';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
const optionalText = z.string().nullish();

/** One step of `viz/procedure.json`. */
export const ProcedureStepFile = z.looseObject({
  directory: z.string().regex(/^\d{2}_/, 'must be a step directory name like 01_1èrelecture_assemblee_commission'),
  stage: z.enum(STAGES, { error: (issue) => `unknown stage ${JSON.stringify(issue.input)}` }),
  institution: z.enum(INSTITUTIONS, { error: (issue) => `unknown institution ${JSON.stringify(issue.input)}` }),
  step: z.enum(STEP_KINDS, { error: (issue) => `unknown step ${JSON.stringify(issue.input)}` }).nullish(),
  date: isoDay.nullish(),
  enddate: isoDay.nullish(),
  debats_order: z.number().int().nullish(),
  echec: optionalText,
  decision: optionalText,
  source_url: optionalText,
  nb_amendements: z.number().int().min(0).nullish(),
});

/** `viz/procedure.json`: the dossier and its steps. */
export const ProcedureFile = z.looseObject({
  id: z.string().min(1),
  senat_id: optionalText,
  long_title: z.string().min(1),
  short_title: z.string().min(1),
  law_name: optionalText,
  loi_dite: optionalText,
  proposal_type: optionalText,
  beginning: isoDay.nullish(),
  end: isoDay.nullish(),
  urgence: z.boolean().nullish(),
  steps: z.array(ProcedureStepFile).min(1, 'a procedure needs at least one step'),
});

/** `procedure/<step>/texte/texte.json`: the text adopted at the end of a step. */
export const TextFile = z.looseObject({
  titre: optionalText,
  source: optionalText,
  expose: optionalText,
  sections: z
    .array(z.looseObject({ id: z.string().min(1), titre: z.string(), type_section: z.string(), newid: optionalText }))
    .default([]),
  articles: z.array(
    z.looseObject({
      titre: z.string().min(1),
      order: z.number().int(),
      section: optionalText,
      statut: optionalText,
      alineas: z.record(z.string(), z.string()),
      liens: z.array(z.string()).default([]),
      newtitre: optionalText,
    }),
  ),
});

/** `viz/amendements_<step>.json`: amendments tabled at a step (metadata only). */
export const AmendmentsFile = z.looseObject({
  api_root_url: optionalText,
  groupes: z
    .record(z.string(), z.looseObject({ nom: z.string(), color: optionalText, link: optionalText, order: z.number().nullish() }))
    .default({}),
  sujets: z.record(
    z.string(),
    z.looseObject({
      titre: z.string(),
      order: z.number().int().nullish(),
      amendements: z.array(
        z.looseObject({
          numero: z.union([z.string().min(1), z.number()]).transform(String),
          aut: z.string().default(''),
          groupe: optionalText,
          sort: z.enum(['adopté', 'rejeté', 'non-voté'], { error: (issue) => `unknown sort ${JSON.stringify(issue.input)}` }),
          date: isoDay.nullish(),
          id_api: z.union([z.string(), z.number()]).transform(String).nullish(),
        }),
      ),
    }),
  ),
});

/** `viz/interventions.json`: debates per step directory. */
export const InterventionsFile = z.record(
  z.string(),
  z.looseObject({
    total_seances: z.number().int().min(0),
    orateurs: z.record(z.string(), z.unknown()).default({}),
    divisions: z.record(
      z.string(),
      z.looseObject({ order: z.number().int().default(0), total_intervs: z.number().int().min(0), total_mots: z.number().int().min(0) }),
    ),
  }),
);

export type ProcedureFile = z.infer<typeof ProcedureFile>;
export type TextFile = z.infer<typeof TextFile>;
export type AmendmentsFile = z.infer<typeof AmendmentsFile>;
export type InterventionsFile = z.infer<typeof InterventionsFile>;
