import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bboxOf, fitProjection, labelPoint, parseBoundary, storedBoundary, svgPath, type Boundary } from './territories.geo.js';
import { SEED_GEO_DIR } from '../../seed/geo/boundaries.js';

const square: Boundary = { type: 'Polygon', coordinates: [[[-73.6, 45.5], [-73.5, 45.5], [-73.5, 45.6], [-73.6, 45.6], [-73.6, 45.5]]] };

describe('parseBoundary (zod GeoJSON validation)', () => {
  it('accepts a Polygon, a Feature and a one-Feature collection', () => {
    expect(parseBoundary(square)).toEqual(square);
    expect(parseBoundary({ type: 'Feature', properties: { slug: 'x' }, geometry: square })).toEqual(square);
    expect(parseBoundary({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: null, geometry: square }] })).toEqual(square);
    const multi = { type: 'MultiPolygon', coordinates: [square.coordinates, square.coordinates] };
    expect(parseBoundary(multi)).toEqual(multi);
  });

  it('refuses open rings, out-of-range positions, points, several features and junk', () => {
    expect(parseBoundary({ type: 'Polygon', coordinates: [[[-73.6, 45.5], [-73.5, 45.5], [-73.5, 45.6], [-73.6, 45.6]]] })).toBeNull();
    expect(parseBoundary({ type: 'Polygon', coordinates: [[[200, 45.5], [-73.5, 45.5], [-73.5, 95], [200, 45.5]]] })).toBeNull();
    expect(parseBoundary({ type: 'Point', coordinates: [-73.6, 45.5] })).toBeNull();
    const f = { type: 'Feature', properties: {}, geometry: square };
    expect(parseBoundary({ type: 'FeatureCollection', features: [f, f] })).toBeNull();
    expect(parseBoundary('<svg/>')).toBeNull();
    expect(parseBoundary({ type: 'Polygon', coordinates: [[['a', 'b'], [1, 2], [3, 4], ['a', 'b']]] })).toBeNull();
    expect(storedBoundary({ type: 'Polygon' })).toBeNull();
  });

  it('refuses a boundary with too many positions', () => {
    const ring = Array.from({ length: 20_001 }, (_, i) => [-73 + i * 1e-6, 45]);
    ring.push(ring[0]!);
    expect(parseBoundary({ type: 'Polygon', coordinates: [ring] })).toBeNull();
  });

  it('every shipped seed file is valid', () => {
    const files = readdirSync(SEED_GEO_DIR).filter((f) => f.endsWith('.geojson'));
    expect(files).toEqual(expect.arrayContaining(['plateau-mont-royal.geojson', 'ahuntsic.geojson', 'villeray.geojson', 'parc-extension.geojson']));
    for (const f of files) expect(parseBoundary(JSON.parse(readFileSync(`${SEED_GEO_DIR}/${f}`, 'utf8'))), f).not.toBeNull();
  });
});

describe('equirectangular projection', () => {
  it('fits the bounding box to the width, keeps proportions at the latitude, north up', () => {
    const box = bboxOf([square])!;
    expect(box).toEqual({ minLon: -73.6, minLat: 45.5, maxLon: -73.5, maxLat: 45.6 });
    const p = fitProjection(box, 200, 10);
    expect(p.project([-73.6, 45.6])).toEqual([10, 10]);
    const [x, y] = p.project([-73.5, 45.5]);
    expect(x).toBeCloseTo(190, 6);
    // 0.1° of longitude is cos(45.55°) ≈ 0.7 of 0.1° of latitude: the square is taller than wide.
    const k = Math.cos((45.55 * Math.PI) / 180);
    expect(y).toBeCloseTo(10 + 180 / k, 6);
    expect(p.height).toBe(Math.round(180 / k + 20));
  });

  it('draws closed subpaths per ring and labels at the centroid', () => {
    const p = fitProjection(bboxOf([square])!, 200, 10);
    const d = svgPath(square, p);
    // First ring point is the south-west corner: left edge, bottom of the drawing.
    const bottom = Math.round(p.project([-73.6, 45.5])[1] * 10) / 10;
    expect(d.startsWith(`M10,${bottom}L190,${bottom}L190,10L10,10Z`)).toBe(true);
    expect(d.match(/Z/g)).toHaveLength(1);
    const [lx, ly] = labelPoint(square, p);
    expect(lx).toBeCloseTo(100, 0);
    expect(ly).toBeCloseTo(p.height / 2, 0);
    const withHole: Boundary = { type: 'Polygon', coordinates: [square.coordinates[0]!, [[-73.58, 45.52], [-73.52, 45.52], [-73.52, 45.58], [-73.58, 45.52]]] };
    expect(svgPath(withHole, p).match(/Z/g)).toHaveLength(2);
  });

  it('an empty list has no bounding box', () => {
    expect(bboxOf([])).toBeNull();
  });
});
