import type { MapSettings } from '../../plugins/segnalazioni/server/src/places/domain/map-settings';

const meta = (name: string) => document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content;

/** The municipality's name, which the server writes into the page from its configuration. */
export const municipality = meta('municipality') || 'Comune';

/** The maps' tiles, centre and territory, likewise; `null` when the page came without them. */
export const mapSettings: MapSettings | null = (() => {
  try {
    return JSON.parse(meta('map') ?? '') as MapSettings;
  } catch {
    return null;
  }
})();
