import { checkMapConfig, mapSettingsOf, parseCenter, tileSource } from './map-settings';
import { nearbyQuery } from './nearby';

const OSM = { tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', attribution: '© OpenStreetMap', center: '45.5629,8.0583', zoom: 15 };

describe('map settings', () => {
  it('opens at the configured centre, or in the middle of the territory', () => {
    expect(mapSettingsOf(OSM, '', '')).toEqual({
      tiles: { url: OSM.tileUrl, attribution: OSM.attribution },
      center: { latitude: 45.5629, longitude: 8.0583 },
      zoom: 15,
      bounds: null,
      addressSearch: false,
    });
    const inBox = mapSettingsOf({ ...OSM, center: '' }, '8.00,45.50,8.10,45.60', 'http://nominatim.test');
    expect(inBox.center.latitude).toBeCloseTo(45.55, 9);
    expect(inBox.center.longitude).toBeCloseTo(8.05, 9);
    expect(inBox.addressSearch).toBe(true);
    expect(mapSettingsOf({ ...OSM, tileUrl: '' }, '', '').tiles).toBeNull();
  });

  it('refuses what no map can use, naming the variable', () => {
    expect(() => checkMapConfig({ ...OSM, center: '', tileUrl: OSM.tileUrl }, '')).toThrow(/MUNICIPALITY_CENTER or MUNICIPALITY_BBOX/);
    expect(() => checkMapConfig({ ...OSM, tileUrl: 'https://tile.example/{z}/{x}.png' }, '')).toThrow(/MAP_TILE_URL must hold/);
    expect(() => checkMapConfig({ ...OSM, tileUrl: 'ftp://tile.example/{z}/{x}/{y}.png' }, '')).toThrow(/http or https/);
    expect(() => checkMapConfig({ ...OSM, zoom: 0 }, '')).toThrow(/MAP_ZOOM/);
    expect(() => parseCenter('45.5;8.0')).toThrow(/MUNICIPALITY_CENTER/);
    expect(() => parseCenter('95,8')).toThrow(/MUNICIPALITY_CENTER/);
    expect(() => checkMapConfig({ ...OSM, tileUrl: '' }, '')).not.toThrow();
  });

  it('allows the tile service in the pages’ policy, subdomains as a wildcard', () => {
    expect(tileSource(OSM.tileUrl)).toBe('https://tile.openstreetmap.org');
    expect(tileSource('https://{s}.tile.example.it/{z}/{x}/{y}{r}.png')).toBe('https://*.tile.example.it');
    expect(tileSource('http://127.0.0.1:8080/{z}/{x}/{y}.png')).toBe('http://127.0.0.1:8080');
    expect(tileSource('')).toBeNull();
  });
});

describe('nearby reports before sending', () => {
  it('asks for the same category within its radius (100 m unless chosen) over the last 90 days', () => {
    expect(nearbyQuery({ latitude: 45.5629, longitude: 8.0583 }, { slug: 'rifiuti' }, new Date('2026-12-03T10:00:00Z'))).toEqual({
      near: '45.562900,8.058300',
      radius: 100,
      category: 'rifiuti',
      from: '2026-09-04',
      pageSize: 5,
    });
    expect(nearbyQuery({ latitude: 45.5629, longitude: 8.0583 }, { slug: 'rifiuti', nearbyMetres: 250 }, new Date()).radius).toBe(250);
  });
});
