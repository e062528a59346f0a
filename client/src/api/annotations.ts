/** Annotations: threads on the live text, replies. */
import type { AnchorInput } from '../../../shared/anchors/index.ts';
import { AnnotationListSchema, AnnotationSchema, AnnotationThreadSchema } from '../../../shared/api/annotations.ts';
import { call, query, seg } from './http.ts';

const base = (billId: string) => `/bills/${seg(billId)}/annotations`;

/** `GET /bills/:id/annotations`, oldest first so threads keep their place in the panel. */
export const listAnnotations = (billId: string) => call(AnnotationListSchema, 'GET', `${base(billId)}${query({ sort: 'oldest', limit: 200 })}`);

/** `POST /bills/:id/annotations` */
export const createAnnotation = (billId: string, anchor: AnchorInput, body: string) => call(AnnotationThreadSchema, 'POST', base(billId), { anchor, body });

/** `POST /bills/:id/annotations/:annotationId/replies` */
export const replyToAnnotation = (billId: string, annotationId: string, body: string) =>
  call(AnnotationSchema, 'POST', `${base(billId)}/${seg(annotationId)}/replies`, { body });
