import { NO_PUBLIC_PLACE, ROUNDING_STEP_DEGREES, publicPlaceOf } from './public-place';

const PLACE = { address: 'Via Italia 14', latitude: 45.56789, longitude: 8.05432 };

/** Metres between two points a few hundred metres apart (flat-earth approximation). */
const metres = (a: { lat: number; lon: number }, b: { lat: number; lon: number }) => {
  const north = (a.lat - b.lat) * 111_320;
  const east = (a.lon - b.lon) * 111_320 * Math.cos((a.lat * Math.PI) / 180);
  return Math.hypot(north, east);
};

describe('the public place of a report', () => {
  it("publishes the citizen's address as written and a point rounded to about 50 m, unless told otherwise", () => {
    const place = publicPlaceOf(PLACE);
    expect(place.publicAddress).toBe('Via Italia 14');
    expect(place.publicLatitude).toBe(45.568);
    expect(place.publicLongitude).toBe(8.0545);
    const moved = metres({ lat: PLACE.latitude, lon: PLACE.longitude }, { lat: place.publicLatitude!, lon: place.publicLongitude! });
    expect(moved).toBeGreaterThan(0);
    expect(moved).toBeLessThanOrEqual(45);
  });

  it('puts every point of one ~50 m cell on the same public point', () => {
    const a = publicPlaceOf({ latitude: 45.56801, longitude: 8.05449 });
    const b = publicPlaceOf({ latitude: 45.56824, longitude: 8.05426 });
    expect([a.publicLatitude, a.publicLongitude]).toEqual([b.publicLatitude, b.publicLongitude]);
    expect(ROUNDING_STEP_DEGREES * 111_320).toBeLessThan(60);
  });

  it('keeps the exact point or hides it when the officer chooses so', () => {
    expect(publicPlaceOf(PLACE, { position: 'exact' })).toMatchObject({ publicLatitude: 45.56789, publicLongitude: 8.05432 });
    expect(publicPlaceOf(PLACE, { position: 'hidden' })).toMatchObject({ publicAddress: 'Via Italia 14', publicLatitude: null, publicLongitude: null });
  });

  it("takes the officer's address instead of the citizen's, and none when it is blank or null", () => {
    expect(publicPlaceOf({ ...PLACE, address: 'Via Italia 14, citofono Rossi' }, { publicAddress: ' Via Italia 14 ' }).publicAddress).toBe('Via Italia 14');
    expect(publicPlaceOf(PLACE, { publicAddress: '' }).publicAddress).toBeNull();
    expect(publicPlaceOf(PLACE, { publicAddress: null }).publicAddress).toBeNull();
  });

  it('has no point to show for a report without one', () => {
    expect(publicPlaceOf({ address: null }, { position: 'exact' })).toEqual(NO_PUBLIC_PLACE);
  });

  it('reads coordinates that the database returns as text', () => {
    expect(publicPlaceOf({ latitude: '45.5', longitude: '8.1' }, { position: 'exact' })).toMatchObject({ publicLatitude: 45.5, publicLongitude: 8.1 });
  });
});
