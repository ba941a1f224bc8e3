import { z } from 'zod';

/**
 * Degrees rounded to 7 decimals (about 1 cm): finer is noise, and a denormal such as 5e-324
 * would underflow DynamoDB's number range (a 500 instead of a stored point).
 */
const degrees = (limit: number) =>
  z
    .number()
    .min(-limit)
    .max(limit)
    .transform((d) => Math.round(d * 1e7) / 1e7);

export const GeoPoint = z.strictObject({ lat: degrees(90), lon: degrees(180) });
export type GeoPoint = z.infer<typeof GeoPoint>;

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance (haversine), in kilometres. */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
