import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from './domain/uids';
import type services from '../services';

type Services = { [Name in keyof typeof services]: ReturnType<(typeof services)[Name]> };

/** The plugin's services, typed (as users-permissions' own `getService`). */
export function getService<Name extends keyof Services>(strapi: Core.Strapi, name: Name): Services[Name] {
  return strapi.plugin(PLUGIN_ID).service(name) as Services[Name];
}
