/** Public and citizen routes, served under /api/segnalazioni. */
export default {
  type: 'content-api',
  routes: [
    {
      method: 'GET',
      path: '/categories',
      handler: 'category.find',
      config: { auth: false, description: 'Active categories with their office and published report count' },
    },
  ],
};
