/**
 * HTTP endpoint of the what-if text. A POST although it changes nothing: the set of amendments (up to
 * MAX_WHAT_IF_AMENDMENTS ids, and articles) is a JSON body validated like any other, rather than a long, ambiguous
 * query string; the answer is computed afresh from the live text and never cached.
 */
import { WhatIfBodySchema, WhatIfParamsSchema, WhatIfResultSchema } from '../../../shared/api/lineage.ts';
import { defineRoute, type MountableRoute } from '../../http/route.ts';
import type { DeliberationDeps } from '../contributions/index.ts';
import { whatIf } from './whatIf.ts';

export function whatIfRoutes(deps: DeliberationDeps): MountableRoute[] {
  return [
    defineRoute({
      method: 'post',
      path: '/bills/:billId/what-if',
      summary: 'The live text with chosen deposited amendments applied in number order, conflicts reported; changes nothing',
      tag: 'Amendments',
      params: WhatIfParamsSchema,
      body: WhatIfBodySchema,
      response: WhatIfResultSchema,
      errors: [404, 409],
      handler: ({ params, body, actor }) => whatIf(deps, actor, params.billId, body),
    }),
  ];
}
