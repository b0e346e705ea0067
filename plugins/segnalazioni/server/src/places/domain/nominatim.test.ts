import { placesOf, reversePlaceOf, reverseUrl, searchUrl } from './nominatim';

const answer = (address: Record<string, string>, display = 'Nome lungo, Italia') => ({ lat: '45.5', lon: '8.0', display_name: display, address });
const BOX = { minLatitude: 45.4, minLongitude: 7.9, maxLatitude: 45.7, maxLongitude: 8.2 };

describe('Nominatim', () => {
  it('writes an address as a citizen would: street and number, town', () => {
    const addresses = placesOf(
      [
        answer({ road: 'Via Italia', house_number: '14', city: 'Biella' }),
        answer({ pedestrian: 'Piazza Duomo', town: 'Biella' }),
        answer({ road: 'Strada della Nera', village: 'Pollone' }),
        answer({}, 'Parco della Burcina, Pollone, Italia'),
      ],
      BOX,
    )?.map((place) => place.address);
    expect(addresses).toEqual(['Via Italia 14, Biella', 'Piazza Duomo, Biella', 'Strada della Nera, Pollone', 'Parco della Burcina, Pollone, Italia']);
  });

  it('keeps the places inside the territory, and tells an unreadable answer from an empty one', () => {
    expect(placesOf([{ ...answer({ road: 'Via Roma' }), lat: '41.9', lon: '12.5' }], BOX)).toEqual([]);
    expect(placesOf({ error: 'busy' }, BOX)).toBeNull();
    expect(reversePlaceOf({ error: 'Unable to geocode' })).toBeNull();
    expect(reversePlaceOf('<html>')).toBeUndefined();
  });

  it('asks within the territory as a bounded view box, and a reverse lookup at a building', () => {
    const search = new URL(searchUrl('https://nominatim.example.org/', 'via italia', BOX));
    expect(search.pathname).toBe('/search');
    expect(search.searchParams.get('viewbox')).toBe('7.9,45.7,8.2,45.4');
    expect(search.searchParams.get('bounded')).toBe('1');
    expect(new URL(searchUrl('https://nominatim.example.org/api', 'x', null)).searchParams.has('viewbox')).toBe(false);
    const reverse = new URL(reverseUrl('https://nominatim.example.org/api', 45.123456789, 8));
    expect([reverse.pathname, reverse.searchParams.get('lat'), reverse.searchParams.get('lon')]).toEqual(['/api/reverse', '45.123457', '8.000000']);
  });
});
