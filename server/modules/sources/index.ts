/** The sources module's public use cases. */
export { addSource } from './addSource.ts';
export { getSource, listSources } from './sourceQueries.ts';
export { sourceRoutes } from './sourceRoutes.ts';
