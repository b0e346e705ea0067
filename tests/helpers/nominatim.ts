import http from 'http';
import type { AddressInfo } from 'net';

/**
 * A stand-in for a Nominatim service on loopback, answering in Nominatim's own jsonv2 format from a
 * small gazetteer of Biella, and keeping every request it received (path, query, headers, time).
 */

export interface NominatimRequest {
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: http.IncomingHttpHeaders;
  readonly at: number;
}

const place = (id: number, lat: string, lon: string, road: string, houseNumber: string | null, city: string) => ({
  place_id: id,
  licence: 'Data © OpenStreetMap contributors, ODbL 1.0. http://osm.org/copyright',
  osm_type: 'node',
  osm_id: 1000 + id,
  lat,
  lon,
  category: 'place',
  type: 'house',
  place_rank: 30,
  importance: 0.00001,
  addresstype: 'place',
  name: '',
  display_name: [houseNumber, road, city, 'Piemonte', '13900', 'Italia'].filter(Boolean).join(', '),
  address: {
    ...(houseNumber ? { house_number: houseNumber } : {}),
    road,
    city,
    county: 'Biella',
    'ISO3166-2-lvl6': 'IT-BI',
    state: 'Piemonte',
    'ISO3166-2-lvl4': 'IT-21',
    postcode: '13900',
    country: 'Italia',
    country_code: 'it',
  },
  boundingbox: [lat, lat, lon, lon],
});

export const GAZETTEER = {
  viaItalia14: place(1, '45.5628100', '8.0583200', 'Via Italia', '14', 'Biella'),
  viaItalia2: place(2, '45.5641000', '8.0561000', 'Via Italia', '2', 'Biella'),
  // Another town's Via Italia, outside the municipality's box: a service may still return it.
  viaItaliaTorino: place(3, '45.0703000', '7.6869000', 'Via Italia', null, 'Torino'),
};

export async function startNominatim() {
  const requests: NominatimRequest[] = [];
  let failing = false;
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    requests.push({ path: url.pathname, query: url.searchParams, headers: request.headers, at: Date.now() });
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify(body));
    };
    if (failing) return send(500, { error: 'Internal Server Error' });
    if (url.pathname === '/search') {
      const q = (url.searchParams.get('q') ?? '').toLowerCase();
      return send(200, q.includes('via italia') ? [GAZETTEER.viaItalia14, GAZETTEER.viaItalia2, GAZETTEER.viaItaliaTorino] : []);
    }
    if (url.pathname === '/reverse') {
      const lat = Number(url.searchParams.get('lat'));
      return send(200, Math.abs(lat - 45.56281) < 0.0005 ? GAZETTEER.viaItalia14 : { error: 'Unable to geocode' });
    }
    return send(404, { error: 'Not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    requests,
    fail: (value: boolean) => {
      failing = value;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
