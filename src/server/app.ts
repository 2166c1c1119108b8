import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { DbHandle } from '../db/client';
import { activitiesRoutes } from './domains/activities';
import { auditRoutes } from './domains/audit/audit.routes';
import { authRoutes } from './domains/auth/auth.routes';
import type { SessionPolicy } from './domains/auth/auth.service';
import { contactsRoutes } from './domains/contacts';
import { customFieldsRoutes } from './domains/custom-fields/custom-fields.routes';
import { customersRoutes } from './domains/customers/customers.routes';
import { duplicatesRoutes } from './domains/duplicates';
import { exportsRoutes } from './domains/exports/exports.routes';
import { importsRoutes } from './domains/imports/imports.routes';
import { ordersRoutes } from './domains/orders';
import { productsRoutes } from './domains/products';
import { qualityRoutes } from './domains/quality';
import { savedViewsRoutes } from './domains/saved-views';
import { tasksRoutes } from './domains/tasks';
import { timelineRoutes } from './domains/timeline/timeline.routes';
import { usersRoutes } from './domains/users/users.routes';
import { valueChurnRoutes, valueConfigRoutes, valueMigrationRoutes, valueRunsRoutes } from './domains/value';
import { valueChartsRoutes } from './domains/value/value-charts.routes';
import { workspaceRoutes } from './domains/workspace';
import { authPlugin } from './plugins/auth';
import { errorsPlugin } from './plugins/errors';
import { i18nPlugin } from './plugins/i18n';
import { openapiPlugin } from './plugins/openapi';
import { createServices, type Services } from './services';
import { registerWeb } from './web/web-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    dbHandle: DbHandle;
    services: Services;
    /** Every route registered, for the access-control suite. */
    kehuRoutes: { method: string; url: string }[];
  }
}

export type AppOptions = {
  db: DbHandle;
  logger?: boolean | object;
  session?: SessionPolicy;
  /** Mark the session cookie Secure even behind a TLS-terminating proxy. */
  secureCookies?: boolean;
  /** Largest request body, in bytes. */
  bodyLimit?: number;
  /** Where uploaded import files wait (default: a folder in the system's temporary directory). */
  importsDir?: string;
  /** The web app's production build to serve at / (dist/web); without it / leads to the API reference. */
  webRoot?: string;
  /** Run the nightly value classification in this process (`kehu start`); stopped on close. */
  valueSchedule?: boolean;
};

/** Builds the Kehu HTTP app without listening; tests drive it with app.inject(). */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 1_048_576,
    trustProxy: true,
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const routes: { method: string; url: string }[] = [];
  app.decorate('kehuRoutes', routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat())
      if (method !== 'HEAD') routes.push({ method, url: route.url });
  });

  const services = createServices(options.db, {
    session: options.session,
    importsDir: options.importsDir,
    onBackgroundError: (err) => app.log.error({ err }, 'background work failed'),
  });
  app.addHook('onClose', () => services.importUploads.close());
  app.addHook('onClose', () => services.value.close());
  if (options.valueSchedule) services.value.schedule.start();
  app.decorate('dbHandle', options.db);
  app.decorate('services', services);

  await app.register(i18nPlugin);
  await app.register(errorsPlugin);
  await app.register(authPlugin, { authService: services.auth });
  await app.register(openapiPlugin);

  await app.register(
    async (api) => {
      await api.register(authRoutes, { secureCookies: options.secureCookies ?? false });
      await api.register(usersRoutes);
      await api.register(customersRoutes);
      await api.register(contactsRoutes);
      await api.register(activitiesRoutes);
      await api.register(productsRoutes);
      await api.register(ordersRoutes);
      await api.register(auditRoutes);
      await api.register(customFieldsRoutes);
      await api.register(timelineRoutes);
      await api.register(workspaceRoutes);
      await api.register(savedViewsRoutes);
      await api.register(importsRoutes);
      await api.register(exportsRoutes);
      await api.register(duplicatesRoutes);
      await api.register(qualityRoutes);
      await api.register(tasksRoutes);
      await api.register(valueConfigRoutes);
      await api.register(valueRunsRoutes);
      await api.register(valueChurnRoutes);
      await api.register(valueMigrationRoutes);
      await api.register(valueChartsRoutes);
    },
    { prefix: '/api/v1' },
  );

  if (options.webRoot) await registerWeb(app, options.webRoot);
  else app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/api/docs/'));
  app.get('/api/health', { schema: { hide: true } }, async () => ({ ok: true, database: options.db.kind }));
  return app;
}
