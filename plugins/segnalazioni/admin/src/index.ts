import { Message } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { PLUGIN_ID } from './pluginId';

type TranslationModule = { default: Record<string, string> };

const translations: Record<string, () => Promise<TranslationModule>> = {
  it: () => import('./translations/it.json'),
  en: () => import('./translations/en.json'),
};

/** Prefixes the plugin's keys, as the admin expects for plugin translations. */
const prefixed = (messages: Record<string, string>) => Object.fromEntries(Object.entries(messages).map(([key, value]) => [`${PLUGIN_ID}.${key}`, value]));

export default {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Message,
      intlLabel: { id: `${PLUGIN_ID}.plugin.name`, defaultMessage: 'Segnalazioni' },
      permissions: [{ action: `plugin::${PLUGIN_ID}.reports.read`, subject: null }],
      Component: () => import('./pages/App'),
      position: 2,
    });
    app.registerPlugin({ id: PLUGIN_ID, name: 'Segnalazioni' });
  },
  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        const load = translations[locale];
        return { data: load ? prefixed((await load()).default) : {}, locale };
      }),
    );
  },
};
