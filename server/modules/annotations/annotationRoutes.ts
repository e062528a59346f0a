/** HTTP endpoints of annotations: reading is public, writing needs a signed-in account. */
import {
  AnnotationBillParamsSchema,
  AnnotationListQuerySchema,
  AnnotationListSchema,
  AnnotationParamsSchema,
  AnnotationSchema,
  AnnotationTextBodySchema,
  AnnotationThreadSchema,
  CreateAnnotationBodySchema,
  ReactionParamsSchema,
  ReactionStateSchema,
} from '../../../shared/api/annotations.ts';
import { defineRoute, type MountableRoute } from '../../http/route.ts';
import type { DeliberationDeps } from '../contributions/index.ts';
import { getAnnotationThread, listAnnotations } from './readAnnotations.ts';
import { addReaction, createAnnotation, editAnnotation, removeReaction, replyToAnnotation } from './writeAnnotations.ts';

const tag = 'Annotations';

/** The annotation endpoints. */
export function annotationRoutes(deps: DeliberationDeps): MountableRoute[] {
  // Giving and withdrawing a reaction differ only in method, words and use case.
  const reaction = (method: 'put' | 'delete', summary: string, use: typeof addReaction) =>
    defineRoute({
      method,
      path: '/bills/:billId/annotations/:annotationId/reactions/:reaction',
      tag,
      summary,
      auth: true,
      params: ReactionParamsSchema,
      response: ReactionStateSchema,
      errors: [401, 404],
      handler: ({ actor, params }) => use(deps, actor, params.billId, params.annotationId, params.reaction),
    });
  return [
    defineRoute({
      method: 'post',
      path: '/bills/:billId/annotations',
      tag,
      summary: 'Annotate a passage of an article’s live text (the anchor is checked against it)',
      auth: true,
      params: AnnotationBillParamsSchema,
      body: CreateAnnotationBodySchema,
      status: 201,
      response: AnnotationThreadSchema,
      errors: [401, 404, 422],
      handler: ({ actor, params, body }) => createAnnotation(deps, actor, params.billId, body),
    }),
    defineRoute({
      method: 'get',
      path: '/bills/:billId/annotations',
      tag,
      summary: 'The bill’s annotation threads (seeded random order by default)',
      params: AnnotationBillParamsSchema,
      query: AnnotationListQuerySchema,
      response: AnnotationListSchema,
      errors: [404],
      handler: ({ actor, params, query }) => listAnnotations(deps, actor, params.billId, query),
    }),
    defineRoute({
      method: 'get',
      path: '/bills/:billId/annotations/:annotationId',
      tag,
      summary: 'An annotation’s thread (for a reply: its root’s thread)',
      params: AnnotationParamsSchema,
      response: AnnotationThreadSchema,
      errors: [404],
      handler: ({ actor, params }) => getAnnotationThread(deps, actor, params.billId, params.annotationId),
    }),
    defineRoute({
      method: 'post',
      path: '/bills/:billId/annotations/:annotationId/replies',
      tag,
      summary: 'Reply in an annotation’s thread (a reply to a reply joins the same thread)',
      auth: true,
      params: AnnotationParamsSchema,
      body: AnnotationTextBodySchema,
      status: 201,
      response: AnnotationSchema,
      errors: [401, 404],
      handler: ({ actor, params, body }) => replyToAnnotation(deps, actor, params.billId, params.annotationId, body.body),
    }),
    defineRoute({
      method: 'patch',
      path: '/bills/:billId/annotations/:annotationId',
      tag,
      summary: 'Edit one’s own annotation or reply',
      auth: true,
      params: AnnotationParamsSchema,
      body: AnnotationTextBodySchema,
      response: AnnotationSchema,
      errors: [401, 403, 404, 409],
      handler: ({ actor, params, body }) => editAnnotation(deps, actor, params.billId, params.annotationId, body.body),
    }),
    reaction('put', 'Give a reaction (one of each kind per person; giving it again changes nothing)', addReaction),
    reaction('delete', 'Withdraw a reaction (withdrawing one not given changes nothing)', removeReaction),
  ];
}
