import type { Core } from '@strapi/strapi';
import { settingOf } from '../common/settings';
import { mapSettingsOf, type MapSettings } from './domain/map-settings';

/** The maps' settings as configured now (read on each call: a setting may change live). */
export const configuredMap = (strapi: Core.Strapi): MapSettings =>
  mapSettingsOf(settingOf(strapi, 'map'), settingOf(strapi, 'territory'), settingOf(strapi, 'geocoder').url);
