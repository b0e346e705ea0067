import { Message } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { OPENING_HOURS_FIELD } from '../../server/src/common/domain/uids';
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
    app.customFields.register({
      name: OPENING_HOURS_FIELD,
      pluginId: PLUGIN_ID,
      type: 'json',
      intlLabel: { id: `${PLUGIN_ID}.hours.field`, defaultMessage: 'Orario di lavoro' },
      intlDescription: { id: `${PLUGIN_ID}.hours.fieldDescription`, defaultMessage: 'I giorni e le fasce orarie di lavoro di un ufficio.' },
      components: { Input: async () => import('./components/OpeningHoursInput').then((module) => ({ default: module.OpeningHoursInput })) },
    });
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
