import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Serves the production build of the web app at /. A path that is not a file and not under /api is a
 * route of the app (react-router), so it gets index.html; unknown /api paths stay problem+json 404s.
 */
export async function registerWeb(app: FastifyInstance, dist: string): Promise<void> {
  if (!existsSync(join(dist, 'index.html')))
    throw new Error(`No web build in ${dist}: run npm run build:web`);
  await app.register(fastifyStatic, {
    root: dist,
    wildcard: false,
    index: ['index.html'],
    // Hashed assets never change; index.html must be fetched anew to pick up a new build.
    setHeaders: (res, path) => {
      res.header(
        'cache-control',
        path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    if (request.url.startsWith('/api/')) return reply.callNotFound();
    // An asset is never the app's index.html: a script answered with HTML fails with a confusing error.
    // One built after the server started (the static routes are listed at start) is still served.
    if (request.url.startsWith('/assets/')) {
      const file = request.url.split('?')[0]!.slice(1);
      return existsSync(join(dist, file)) && !file.includes('..')
        ? reply.sendFile(file)
        : reply.callNotFound();
    }
    return reply.sendFile('index.html');
  });
}
