import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import serveStatic from 'serve-static';
import { API_PREFIX } from './common/api-prefix.js';
import { answerClientErrors, permissionsPolicy, ROUTE_TABLE, requireSupportedMediaType } from './common/http-edge.js';
import { openRequestContext } from './common/request-context.js';
import { assignRequestId } from './common/request-id.js';
import { RouteTable } from './common/route-table.js';
import type { Settings } from './config/settings.js';
import { SWAGGER_UI_OPTIONS } from './openapi/swagger-ui.js';
import { buildOpenApiDocument } from './openapi.js';

export { API_PREFIX };

/**
 * Everything about the HTTP surface that is not a route: security headers, CORS, body
 * limits, the API prefix, OpenAPI and Swagger UI, and the SPA. Shared by main.ts, the
 * test harness and the OpenAPI generator so all three see the same application.
 */
export async function configureApp(app: NestExpressApplication, settings: Settings): Promise<void> {
  app.useLogger(app.get(Logger));
  // First of all, so that every answer, even a body-parser error, carries the id.
  app.use(assignRequestId);
  app.set('trust proxy', settings.http.trustProxyHops);
  app.disable('x-powered-by');
  // API answers carry personal data: no browser or proxy may keep them, so an ETag (a
  // SHA-1 of every body) would only cost time. Static files keep theirs (serve-static).
  app.set('etag', false);
  app.use(helmet());
  app.use(permissionsPolicy);
  app.use(`/${API_PREFIX}`, noStore);
  answerClientErrors(app.getHttpServer());
  app.enableCors({
    origin: settings.http.corsOrigins.length ? settings.http.corsOrigins : false,
    credentials: true,
    exposedHeaders: ['x-request-id', 'etag', 'location', 'idempotent-replayed'],
  });
  app.use(cookieParser());
  app.use(requireSupportedMediaType(`/${API_PREFIX}/`));
  app.useBodyParser('json', { limit: settings.http.bodyLimit });
  app.useBodyParser('urlencoded', { limit: settings.http.bodyLimit, extended: false });
  // CSV imports: up to a few thousand rows per request, chunked by the SPA.
  app.useBodyParser('text', { type: 'text/csv', limit: '5mb' });
  // After the body parsers: their stream callbacks would not carry the context along.
  app.use(openRequestContext);
  app.setGlobalPrefix(API_PREFIX);

  const document = await buildOpenApiDocument(app);
  app.getHttpAdapter().getInstance().locals[ROUTE_TABLE] = RouteTable.fromDocument(document);
  SwaggerModule.setup('docs', app, document, SWAGGER_UI_OPTIONS);

  serveSpa(app, resolve(settings.http.staticDir));
}

/** The built SPA at `/`; any other non-API GET that asks for HTML gets index.html. */
function serveSpa(app: NestExpressApplication, dir: string): void {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return;
  const assets = serveStatic(dir, { index: false, maxAge: '1h', setHeaders: noCacheForHtml });
  // All of /api is the API's (any version): an unknown API path is a problem+json 404, never the page.
  const isApi = (req: Request) => req.path.startsWith('/api/') || req.path === '/api' || req.path.startsWith('/docs');
  // API requests skip the file system: serve-static would look for each path on disk first.
  app.use((req: Request, res: Response, next: NextFunction) => (isApi(req) ? next() : assets(req, res, next)));
  app.use((req: Request, res: Response, next: NextFunction) => {
    const isPage =
      (req.method === 'GET' || req.method === 'HEAD') &&
      !isApi(req) &&
      // Browsers and curl get the page; a client that prefers JSON gets a problem+json 404.
      req.accepts(['html', 'json']) === 'html';
    if (!isPage) return next();
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  });
}

function noStore(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('cache-control', 'no-store');
  next();
}

function noCacheForHtml(res: Response, path: string): void {
  if (path.endsWith('.html')) res.setHeader('cache-control', 'no-cache');
}
