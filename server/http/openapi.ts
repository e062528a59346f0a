/**
 * The OpenAPI description, generated from the same zod schemas that validate each request.
 */
import { OpenApiGeneratorV31, type OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';

/** Builds the OpenAPI 3.1 document for everything registered. */
export function openApiDocument(registry: OpenAPIRegistry, version: string) {
  registry.registerComponent('securitySchemes', 'session', { type: 'apiKey', in: 'cookie', name: 'session' });
  registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Loi Live API',
      version,
      description:
        'Bills, their legislative history and deliberation. Errors are problem JSON (RFC 9457) with a stable `code`. ' +
        'Reading is public; changes need a session cookie or a bearer token.',
    },
    servers: [{ url: '/api/v1' }],
  });
}
