import { bboxParam, boxAround, planarDistanceM, placeFilterOf } from './place-filter';

/** Great-circle distance (haversine, mean Earth radius): what the planar measure approximates. */
function haversineM(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const radians = (degrees: number) => (degrees * Math.PI) / 180;
  const h =
    Math.sin(radians(b.latitude - a.latitude) / 2) ** 2 +
    Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(radians(b.longitude - a.longitude) / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(h));
}

describe('place filter', () => {
  it('reads a box in GeoJSON order and refuses what is not one', () => {
    expect(bboxParam.parse('8.0,45.5,8.1,45.6')).toEqual({ minLongitude: 8, minLatitude: 45.5, maxLongitude: 8.1, maxLatitude: 45.6 });
    for (const text of ['8,45.5,8.1', '8,45.5,8.1,45.6,1', 'a,b,c,d', '8,45.5,,45.6', '8.1,45.5,8.0,45.6', '8,-91,9,45', 'Infinity,1,2,3']) {
      expect(bboxParam.safeParse(text).success).toBe(false);
    }
  });

  it('measures within 0.5 % of the great circle up to 10 km, at the latitudes of Italy', () => {
    for (const latitude of [36.7, 41.9, 45.6, 47.1]) {
      for (const [north, east] of [
        [10_000, 0],
        [0, 10_000],
        [7_000, -7_000],
        [-50, 30],
      ]) {
        const centre = { latitude, longitude: 12, radiusM: 1 };
        const point = { latitude: latitude + north / 111_195, longitude: 12 + east / (111_195 * Math.cos((latitude * Math.PI) / 180)) };
        const exact = haversineM(centre, point);
        expect(Math.abs(planarDistanceM(centre, point) - exact) / exact).toBeLessThan(0.005);
      }
    }
  });

  it('seeks the box around a circle, which holds every point of the circle', () => {
    const circle = { latitude: 45.6, longitude: 8.1, radiusM: 250 };
    const box = boxAround(circle);
    for (let step = 0; step < 360; step += 5) {
      const angle = (step * Math.PI) / 180;
      const point = {
        latitude: circle.latitude + (Math.sin(angle) * circle.radiusM) / 111_195,
        longitude: circle.longitude + (Math.cos(angle) * circle.radiusM) / (111_195 * Math.cos((circle.latitude * Math.PI) / 180)),
      };
      expect(point.latitude).toBeGreaterThanOrEqual(box.minLatitude - 1e-12);
      expect(point.latitude).toBeLessThanOrEqual(box.maxLatitude + 1e-12);
      expect(point.longitude).toBeGreaterThanOrEqual(box.minLongitude - 1e-12);
      expect(point.longitude).toBeLessThanOrEqual(box.maxLongitude + 1e-12);
    }
  });

  it('narrows a circle by a box given with it, and defaults the radius to 100 m', () => {
    const bbox = { minLongitude: 8.1, minLatitude: 45.6, maxLongitude: 8.2, maxLatitude: 45.7 };
    const filter = placeFilterOf({ near: [45.6, 8.1], bbox });
    expect(filter?.circle).toEqual({ latitude: 45.6, longitude: 8.1, radiusM: 100 });
    expect(filter?.box.minLatitude).toBe(45.6);
    expect(filter?.box.minLongitude).toBe(8.1);
    expect(filter?.box.maxLatitude).toBeCloseTo(45.6 + 100 / 111_195, 10);
    expect(placeFilterOf({})).toBeUndefined();
    expect(placeFilterOf({ bbox })).toEqual({ box: bbox });
  });
});
