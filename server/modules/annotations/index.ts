/** The annotations module's public use cases: annotate the live text, reply, edit, react, read threads. */
export { annotationRoutes } from './annotationRoutes.ts';
export { getAnnotationThread, listAnnotations } from './readAnnotations.ts';
export { addReaction, createAnnotation, editAnnotation, removeReaction, replyToAnnotation } from './writeAnnotations.ts';
