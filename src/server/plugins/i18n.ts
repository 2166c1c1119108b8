import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { DEFAULT_LOCALE, type Locale, localeFromAcceptLanguage } from '../../shared/common/locale';

declare module 'fastify' {
  interface FastifyRequest {
    locale: Locale;
  }
}

// The request's language: Accept-Language first (the contract), then the user's saved choice.
export const i18nPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('locale', DEFAULT_LOCALE);
  app.addHook('onRequest', async (request) => {
    request.locale = localeFromAcceptLanguage(request.headers['accept-language']) ?? DEFAULT_LOCALE;
  });
});
