import type { Core } from '@strapi/strapi';

export const DEFAULT_LOCALE = { code: 'pl', name: 'Polish (pl)' };
export const LOCALES = [DEFAULT_LOCALE, { code: 'en', name: 'English (en)' }];

/**
 * Polish is the users' language and the default; English is the translation. The i18n plugin creates
 * `en` as its default on an empty database, so `pl` is added and made default here on every start.
 */
export const ensureLocales = async (strapi: Core.Strapi): Promise<void> => {
  const locales = strapi.plugin('i18n').service('locales');
  for (const locale of LOCALES) {
    if (!(await locales.findByCode(locale.code))) {
      await locales.create(locale);
      strapi.log.info(`[hub] created locale ${locale.code}`);
    }
  }
  if ((await locales.getDefaultLocale()) !== DEFAULT_LOCALE.code) {
    await locales.setDefaultLocale({ code: DEFAULT_LOCALE.code });
    strapi.log.info(`[hub] default locale set to ${DEFAULT_LOCALE.code}`);
  }
};
