import type { StrapiApp } from '@strapi/strapi/admin';

export default {
  config: {
    // Editors work in Polish; English stays available in each user's profile.
    locales: ['pl'],
  },
  bootstrap(_app: StrapiApp) {},
};
