'use strict';
/**
 * The benchmark's server: this project's compiled app, as `strapi start` runs it, plus one
 * throw-away route that does the archive's job the way a plain Strapi project would — the Document
 * Service's findMany and count, with populate and `$containsi` for a search — so the two are
 * measured side by side on the same process, database and data. Never part of the app itself.
 *
 *   GET /bench/plain/reports?page=&pageSize=&q=&category=&sort=&bbox=minLng,minLat,maxLng,maxLat
 *   GET /bench/plain/categories     (categories with their published reports counted)
 *   GET /bench/plain/statistics     (published and all reports counted by category and status)
 */
const path = require('path');
const { createStrapi } = require('@strapi/strapi');

const REPORT = 'plugin::segnalazioni.report';
const CATEGORY = 'plugin::segnalazioni.category';
const PUBLISHED = { isPublic: true, textModeration: 'approved' };
const STATUSES = ['submitted', 'in_charge', 'in_progress', 'closed', 'rejected'];

/**
 * @param {import('@strapi/strapi').Core.Strapi} strapi
 * @returns {import('@strapi/strapi').Core.Route[]}
 */
function plainRoutes(strapi) {
  const reports = strapi.documents(REPORT);
  return [
    {
      method: 'GET',
      info: {},
      path: '/bench/plain/reports',
      /** @param {import('koa').Context} ctx */
      async handler(ctx) {
        const page = Math.max(1, Number(ctx.query.page) || 1);
        const pageSize = Math.min(100, Math.max(1, Number(ctx.query.pageSize) || 25));
        const { q, category, sort, bbox } = ctx.query;
        const [minLng, minLat, maxLng, maxLat] = typeof bbox === 'string' ? bbox.split(',').map(Number) : [];
        const filters = {
          ...PUBLISHED,
          ...(typeof bbox === 'string' ? { publicLatitude: { $between: [minLat, maxLat] }, publicLongitude: { $between: [minLng, maxLng] } } : {}),
          ...(typeof category === 'string' ? { category: { slug: category } } : {}),
          ...(typeof q === 'string' ? { $or: [{ publicTitle: { $containsi: q } }, { publicText: { $containsi: q } }] } : {}),
        };
        const [data, total] = await Promise.all([
          reports.findMany({
            filters,
            populate: { category: true, replies: { filters: { isPublic: true } }, photos: { filters: { moderation: 'approved' }, populate: { file: true } } },
            sort: sort === 'oldest' ? [{ publishedOn: 'asc' }, { id: 'asc' }] : [{ publishedOn: 'desc' }, { id: 'desc' }],
            start: (page - 1) * pageSize,
            limit: pageSize,
          }),
          reports.count({ filters }),
        ]);
        ctx.body = { data, meta: { pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } } };
      },
      config: { auth: false },
    },
    {
      method: 'GET',
      info: {},
      path: '/bench/plain/categories',
      /** @param {import('koa').Context} ctx */
      async handler(ctx) {
        const categories = await strapi
          .documents(CATEGORY)
          .findMany({ filters: { active: true }, populate: { office: true }, sort: ['position:asc', 'name:asc'] });
        ctx.body = {
          data: await Promise.all(
            categories.map(async (category) => ({
              ...category,
              reportCount: await reports.count({ filters: { ...PUBLISHED, category: { id: category.id } } }),
            })),
          ),
        };
      },
      config: { auth: false },
    },
    {
      method: 'GET',
      info: {},
      path: '/bench/plain/statistics',
      /** @param {import('koa').Context} ctx */
      async handler(ctx) {
        const categories = await strapi.documents(CATEGORY).findMany({ fields: ['slug'] });
        const cells = await Promise.all(
          categories.flatMap((category) =>
            STATUSES.map(async (status) => ({
              category: category.slug,
              status,
              reports: await reports.count({ filters: { status, category: { id: category.id } } }),
            })),
          ),
        );
        ctx.body = { data: cells };
      },
      config: { auth: false },
    },
  ];
}

async function main() {
  const root = path.resolve(__dirname, '../..');
  const strapi = createStrapi({ appDir: root, distDir: path.join(root, 'dist'), autoReload: false, serveAdminPanel: false });
  await strapi.load();
  strapi.server.routes({ type: 'content-api', routes: plainRoutes(strapi) });
  await strapi.listen();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
