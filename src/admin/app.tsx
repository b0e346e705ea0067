import type { StrapiApp } from '@strapi/strapi/admin';

export default {
  config: {
    // Italian first; English is always available.
    locales: ['it'],
  },
  bootstrap(_app: StrapiApp) {},
};
