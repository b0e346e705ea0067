import type { Core } from '@strapi/strapi';
import type { SegnalazioniConfig } from '../config';
import { PLUGIN_ID } from './domain/uids';

/** One of the plugin's settings, typed as config.ts declares (and validates at boot) it. */
export function settingOf<Key extends keyof SegnalazioniConfig>(strapi: Core.Strapi, key: Key): SegnalazioniConfig[Key] {
  return strapi.config.get(`plugin::${PLUGIN_ID}.${key}`) as SegnalazioniConfig[Key];
}
