/**
 * Part of the composition root: the routes of every deliberation module (contributions on bills), built with the
 * same dependencies.
 */
import type { MountableRoute } from './http/route.ts';
import { amendmentRoutes, whatIfRoutes } from './modules/amendments/index.ts';
import { annotationRoutes } from './modules/annotations/index.ts';
import { argumentRoutes } from './modules/arguments/index.ts';
import type { DeliberationDeps } from './modules/contributions/index.ts';
import { lineageRoutes } from './modules/lineage/index.ts';
import { moderationRoutes } from './modules/moderation/index.ts';
import { questionRoutes } from './modules/questions/index.ts';
import { responseRoutes } from './modules/responses/index.ts';
import { sourceRoutes } from './modules/sources/index.ts';
import { voteRoutes } from './modules/votes/index.ts';

export function deliberationRoutes(deps: DeliberationDeps): MountableRoute[] {
  return [
    ...annotationRoutes(deps),
    ...amendmentRoutes(deps),
    ...responseRoutes(deps),
    ...voteRoutes(deps),
    ...argumentRoutes(deps),
    ...sourceRoutes(deps),
    ...questionRoutes(deps),
    ...moderationRoutes(deps),
    ...whatIfRoutes(deps),
    ...lineageRoutes(deps),
  ];
}
