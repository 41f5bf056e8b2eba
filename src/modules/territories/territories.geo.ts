import { z } from 'zod';

/**
 * Territory boundaries (ADR 0015): GeoJSON Polygon or MultiPolygon in WGS 84 (lon, lat), validated
 * with zod, and drawn as SVG paths with our own equirectangular projection scaled to the bounding
 * box of what is drawn (no tile server, no library, no external request).
 */
const MAX_POSITIONS = 20_000;

const ZPosition = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).rest(z.number());
const ZRing = z
  .array(ZPosition)
  .min(4)
  .refine((ring) => ring[0]![0] === ring.at(-1)![0] && ring[0]![1] === ring.at(-1)![1], { message: 'ring not closed' });
const ZPolygonCoordinates = z.array(ZRing).min(1).max(200);

export const ZBoundary = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('Polygon'), coordinates: ZPolygonCoordinates }),
    z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(ZPolygonCoordinates).min(1).max(200) }),
  ])
  .refine((b) => countPositions(b) <= MAX_POSITIONS, { message: 'too many positions' });
export type Boundary = z.output<typeof ZBoundary>;
export type Position = z.output<typeof ZPosition>;

const ZProperties = z.record(z.string(), z.unknown()).nullable().optional();
const ZFeature = z.object({ type: z.literal('Feature'), geometry: ZBoundary, properties: ZProperties });
const ZFeatureCollection = z.object({ type: z.literal('FeatureCollection'), features: z.array(ZFeature).min(1).max(500) });

/** What an admin may upload for one territory: a geometry, a Feature, or a collection of one Feature. */
const ZBoundaryUpload = z.union([ZBoundary, ZFeature, ZFeatureCollection]);

/** The boundary in an uploaded GeoJSON document, or null when it is not a valid (multi)polygon. */
export function parseBoundary(input: unknown): Boundary | null {
  const parsed = ZBoundaryUpload.safeParse(input);
  if (!parsed.success) return null;
  const doc = parsed.data;
  if (doc.type === 'FeatureCollection') return doc.features.length === 1 ? doc.features[0]!.geometry : null;
  if (doc.type === 'Feature') return doc.geometry;
  return doc;
}

/** A boundary already stored (jsonb) is re-checked before it is drawn: a bad row draws nothing. */
export function storedBoundary(value: unknown): Boundary | null {
  const parsed = ZBoundary.safeParse(value);
  return parsed.success ? parsed.data : null;
}

type Geometry = { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };

function polygonsOf(b: Geometry): Position[][][] {
  return b.type === 'Polygon' ? [b.coordinates] : b.coordinates;
}

function countPositions(b: Geometry): number {
  return polygonsOf(b).reduce((n, polygon) => n + polygon.reduce((m, ring) => m + ring.length, 0), 0);
}

export type BBox = { minLon: number; minLat: number; maxLon: number; maxLat: number };

export function bboxOf(boundaries: Boundary[]): BBox | null {
  let box: BBox | null = null;
  for (const b of boundaries) {
    for (const polygon of polygonsOf(b)) {
      for (const [lon, lat] of polygon[0] ?? []) {
        box = box
          ? { minLon: Math.min(box.minLon, lon), minLat: Math.min(box.minLat, lat), maxLon: Math.max(box.maxLon, lon), maxLat: Math.max(box.maxLat, lat) }
          : { minLon: lon, minLat: lat, maxLon: lon, maxLat: lat };
      }
    }
  }
  return box;
}

export type Projection = { width: number; height: number; project: (p: Position) => [number, number] };

/**
 * Equirectangular projection fitted to the box: longitudes are shrunk by cos(mid-latitude) so
 * shapes keep their proportions at Montréal's latitude, then everything is scaled to `width`.
 * North is up (SVG y grows downwards).
 */
export function fitProjection(box: BBox, width: number, padding = 8): Projection {
  const k = Math.cos((((box.minLat + box.maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max((box.maxLon - box.minLon) * k, 1e-9);
  const spanY = Math.max(box.maxLat - box.minLat, 1e-9);
  const scale = (width - 2 * padding) / spanX;
  const height = Math.round(spanY * scale + 2 * padding);
  return {
    width,
    height,
    project: ([lon, lat]) => [padding + (lon - box.minLon) * k * scale, padding + (box.maxLat - lat) * scale],
  };
}

const round = (n: number) => Math.round(n * 10) / 10;

/** The SVG path of a boundary: one closed subpath per ring (holes drawn with evenodd). */
export function svgPath(b: Boundary, projection: Projection): string {
  return polygonsOf(b)
    .flatMap((polygon) => polygon.map((ring) => 'M' + ring.slice(0, -1).map((p) => projection.project(p).map(round).join(',')).join('L') + 'Z'))
    .join('');
}

/** Where to put a label: the area-weighted centroid of the largest outer ring, projected. */
export function labelPoint(b: Boundary, projection: Projection): [number, number] {
  let best: { area: number; x: number; y: number } | null = null;
  for (const polygon of polygonsOf(b)) {
    const ring = (polygon[0] ?? []).map((p) => projection.project(p));
    let area = 0;
    let cx = 0;
    let cy = 0;
    for (let i = 0; i < ring.length - 1; i++) {
      const [x0, y0] = ring[i]!;
      const [x1, y1] = ring[i + 1]!;
      const cross = x0 * y1 - x1 * y0;
      area += cross;
      cx += (x0 + x1) * cross;
      cy += (y0 + y1) * cross;
    }
    if (area === 0) continue;
    const candidate = { area: Math.abs(area / 2), x: cx / (3 * area), y: cy / (3 * area) };
    if (!best || candidate.area > best.area) best = candidate;
  }
  return best ? [round(best.x), round(best.y)] : [0, 0];
}
