import type { Core } from '@strapi/strapi';
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  // Strapi's levels: fatal, error, warn, info, http, debug, silly.
  level: env('LOG_LEVEL', 'http'),
});
