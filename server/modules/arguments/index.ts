/** The arguments module's public use cases. */
export { getArgument, listArguments } from './argumentQueries.ts';
export { argumentRoutes } from './argumentRoutes.ts';
export { createArgument, editArgument } from './writeArgument.ts';
