import { z } from 'zod';

/** An HTTP error body (RFC 9457 problem details) with our stable `code`. */
export const ProblemSchema = z
  .object({
    type: z.string().meta({ description: 'URI naming the error kind: /problems/<code>' }),
    title: z.string(),
    status: z.number().int(),
    code: z.string().meta({ description: 'Stable error id (see shared/errors.ts)' }),
    detail: z.string().optional(),
    errors: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .meta({ description: 'One entry per invalid field, for validation errors' }),
    file: z.string().optional().meta({ description: 'For import errors: the source file at fault' }),
    field: z.string().optional().meta({ description: 'For import errors: the JSON path of the field at fault' }),
  })
  .meta({ id: 'Problem' });

/** A problem response body. */
export type Problem = z.infer<typeof ProblemSchema>;
