import type { SwaggerCustomOptions } from '@nestjs/swagger';

/**
 * Swagger UI at /docs, set up to explore the API: authorization survives a reload, every
 * operation is ready to try, answers show how long they took, a filter box finds
 * operations by tag, and a link can point at one operation. Served under the app's Content-Security-Policy (helmet's default):
 * its script and styles are files of its own origin and no validator badge is fetched.
 */
export const SWAGGER_UI_OPTIONS: SwaggerCustomOptions = {
  jsonDocumentUrl: 'docs-json',
  customSiteTitle: 'Steward CRM API',
  swaggerOptions: {
    persistAuthorization: true,
    displayOperationId: true,
    displayRequestDuration: true,
    filter: true,
    tryItOutEnabled: true,
    docExpansion: 'none',
    // Links to a tag or an operation (/docs#/contacts/listContacts) open it.
    deepLinking: true,
    tagsSorter: 'alpha',
    // The badge would load an image from validator.swagger.io, which the CSP refuses.
    validatorUrl: null,
  },
};
