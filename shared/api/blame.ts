/**
 * Who wrote each word of a version (BLAME): every article's text as runs of consecutive words that share one origin,
 * the legislative step where they first appeared and, where the project knows it, the adopted amendment and its
 * authors, or the rapporteur whose live edit wrote them.
 */
import { z } from 'zod';
import { ContributorSchema } from './contributions.ts';

/** The step where words first appeared. */
export const BlameStepSchema = z
  .object({
    id: z.string(),
    key: z.string(),
    versionId: z.string().meta({ description: 'The version this step produced, where the words are first found' }),
    label: z.string().meta({ example: '1ère lecture · Assemblée nationale · commission' }),
  })
  .meta({ id: 'BlameStep' });

/** The adopted amendment that wrote words into the text. */
export const BlameAmendmentSchema = z
  .object({ id: z.string(), number: z.string().nullable() })
  .meta({ id: 'BlameAmendment' });

/** Consecutive words with one origin. */
export const BlameRunSchema = z
  .object({
    text: z.string().meta({ description: 'The words (and the blanks and line breaks between them); an article’s runs rebuild its text' }),
    step: BlameStepSchema,
    amendment: BlameAmendmentSchema.nullable().meta({ description: 'The adopted amendment that wrote these words, when known' }),
    authors: z
      .array(ContributorSchema)
      .nullable()
      .meta({ description: 'Who wrote them: the amendment’s authors, or the rapporteur of a live edit; null when only the step is known' }),
    rapporteur: z
      .object({ id: z.string(), displayName: z.string() })
      .nullable()
      .meta({ description: 'The rapporteur who put them in the text: who typed them, or who adopted the amendment' }),
  })
  .meta({ id: 'BlameRun' });

/** One article of the version, word by word. */
export const ArticleBlameSchema = z
  .object({
    articleId: z.string(),
    number: z.string().meta({ description: 'Its number in this version' }),
    newNumber: z.string().nullable(),
    status: z.string().nullable(),
    runs: z.array(BlameRunSchema),
  })
  .meta({ id: 'ArticleBlame' });

/** Every article of a version, word by word. */
export const VersionBlameSchema = z
  .object({
    billId: z.string(),
    versionId: z.string(),
    articles: z.array(ArticleBlameSchema),
  })
  .meta({ id: 'VersionBlame' });

export type BlameStep = z.infer<typeof BlameStepSchema>;
export type BlameRun = z.infer<typeof BlameRunSchema>;
export type ArticleBlame = z.infer<typeof ArticleBlameSchema>;
export type VersionBlame = z.infer<typeof VersionBlameSchema>;
