import type { Core } from '@strapi/strapi';
import { DEFAULT_SERVICE_LEVELS } from '../service-levels/domain/service-levels';
import { DEFAULT_CATEGORIES, DEFAULT_OFFICE_NAME } from './default-categories';
import { PLUGIN_ID, UID } from '../common/domain/uids';
import { settingOf } from '../common/settings';

const SEEDED_KEY = 'defaults-seeded';

/**
 * First-boot content: the URP office and the categories of the seed document. It runs once per
 * database (a flag in the plugin store), so what editors change or delete later stays that way.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async seedDefaults(): Promise<{ seeded: boolean }> {
    const store = strapi.store({ type: 'plugin', name: PLUGIN_ID });
    if (await store.get({ key: SEEDED_KEY })) return { seeded: false };

    await strapi.db.transaction(async () => {
      const office =
        (await strapi.documents(UID.office).findFirst({ filters: { triage: true } })) ??
        (await strapi.documents(UID.office).create({
          data: { name: DEFAULT_OFFICE_NAME, triage: true, emails: settingOf(strapi, 'urpEmail') },
        }));

      for (const [position, category] of DEFAULT_CATEGORIES.entries()) {
        const existing = await strapi.documents(UID.category).findFirst({ filters: { slug: category.slug } });
        if (existing) continue;
        await strapi.documents(UID.category).create({
          data: { ...category, ...DEFAULT_SERVICE_LEVELS, active: true, position, office: office.documentId },
        });
      }
    });

    await store.set({ key: SEEDED_KEY, value: { at: new Date().toISOString() } });
    strapi.log.info(`[${PLUGIN_ID}] seeded the URP office and ${DEFAULT_CATEGORIES.length} categories`);
    return { seeded: true };
  },
});
