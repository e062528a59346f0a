/**
 * The two file formats of the consultation data we read (README of ../shared/data, section 4.2), validated with zod
 * at the boundary: only the fields the replay uses, unknown ones ignored.
 */
import { z } from 'zod';

const count = z.number().int().min(0);

/** `derived/avant-projet_consultation_texte.json`: the 30 draft articles. */
export const DraftTextFileSchema = z.object({
  titre: z.string().min(1),
  articles: z
    .array(
      z.object({
        titre: z.string().min(1),
        order: z.number().int(),
        section_consultation: z.string().min(1),
        alineas: z.record(z.string().regex(/^\d{3}$/), z.string()),
        consultation_opinion_id: z.number().int(),
      }),
    )
    .min(1),
});
export type DraftTextFile = z.infer<typeof DraftTextFileSchema>;

/** One argument of an opinion: `type` 1 is *pour*, 0 is *contre*; authors are pseudonymised. */
const SourceArgumentSchema = z.object({
  id: z.number().int(),
  type: z.union([z.literal(0), z.literal(1)]),
  body: z.string(),
  author: z.object({ pseudonym: z.string().regex(/^p-[0-9a-f]{12}$/) }),
});

/** `opinions_pseudonymised/<id>.json`: a government article or a citizen's proposal, with its counts. */
export const OpinionFileSchema = z.object({
  opinion: z
    .object({
      id: z.number().int(),
      title: z.string().min(1),
      body: z.string().min(1),
      is_trashed: z.boolean(),
      author: z.object({ username: z.string().min(1) }),
      type: z.object({ title: z.string().min(1), subtitle: z.string().min(1) }),
      votes_ok: count,
      votes_nok: count,
      votes_mitige: count,
      votes_total: count,
      arguments_count: count,
      arguments: z.array(SourceArgumentSchema),
    })
    .refine((o) => o.votes_total === o.votes_ok + o.votes_nok + o.votes_mitige, 'votes_total is not the sum of the three counts')
    .refine((o) => o.arguments.length === o.arguments_count, 'arguments_count does not match the arguments listed'),
});
export type OpinionFile = z.infer<typeof OpinionFileSchema>;
