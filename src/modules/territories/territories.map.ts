import type { Deps } from '../../platform/deps.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import { territoriesRepository, type TerritoryWithParent } from './territories.repository.js';
import { rolloutRepository, type RolloutDates } from './territories.rollout.repository.js';
import { bboxOf, fitProjection, labelPoint, storedBoundary, svgPath, type Boundary } from './territories.geo.js';
import { territoryName } from './territories.presenter.js';
import type { RolloutState } from './territories.domain.js';

const MAP_WIDTH = 640;

export type MapTerritory = {
  slug: string;
  name: string;
  state: RolloutState;
  since: Date | null;
  next: { state: RolloutState; at: Date } | null;
  /** Null when the territory has no (valid) boundary: it is only in the table. */
  shape: { path: string; label: [number, number] } | null;
};
export type RolloutMapView = { width: number; height: number; territories: MapTerritory[] };

/** The neighbourhoods, projected together so the map fits their bounding box (pure: unit-tested). */
export function buildRolloutMap(rows: TerritoryWithParent[], dates: RolloutDates[], locale: Locale, width = MAP_WIDTH): RolloutMapView {
  const datesOf = new Map(dates.map((d) => [d.territoryId, d]));
  const boundaries = new Map<string, Boundary>();
  for (const row of rows) {
    const b = storedBoundary(row.boundary);
    if (b) boundaries.set(row.id, b);
  }
  const box = bboxOf([...boundaries.values()]);
  const projection = box ? fitProjection(box, width) : null;
  return {
    width,
    height: projection?.height ?? 0,
    territories: rows.map((row) => {
      const d = datesOf.get(row.id);
      const b = boundaries.get(row.id);
      return {
        slug: row.slug,
        name: territoryName(row, locale),
        state: row.rolloutState,
        since: d?.since ?? null,
        next: d?.nextState && d.nextAt ? { state: d.nextState, at: d.nextAt } : null,
        shape: b && projection ? { path: svgPath(b, projection), label: labelPoint(b, projection) } : null,
      };
    }),
  };
}

/** The home page's rollout map: every neighbourhood, drawn when it has a boundary. */
export async function loadRolloutMap(deps: Deps, locale: Locale): Promise<RolloutMapView> {
  const [rows, dates] = await Promise.all([territoriesRepository.listWithParent(deps.db, { kind: 'neighbourhood' }), rolloutRepository.dates(deps.db)]);
  return buildRolloutMap(rows, dates, locale);
}

/** Every territory with a boundary as one GeoJSON FeatureCollection (the API's `.geojson`). */
export async function boundariesCollection(deps: Deps, locale: Locale) {
  const [rows, dates] = await Promise.all([territoriesRepository.listWithParent(deps.db), rolloutRepository.dates(deps.db)]);
  const datesOf = new Map(dates.map((d) => [d.territoryId, d]));
  const features = rows.flatMap((row) => {
    const geometry = storedBoundary(row.boundary);
    if (!geometry) return [];
    const d = datesOf.get(row.id);
    return [{
      type: 'Feature' as const,
      id: row.slug,
      geometry,
      properties: {
        slug: row.slug, kind: row.kind, name: territoryName(row, locale), rolloutState: row.rolloutState,
        rolloutSince: d?.since?.toISOString() ?? null,
        nextRollout: d?.nextState && d.nextAt ? { state: d.nextState, effectiveAt: d.nextAt.toISOString() } : null,
      },
    }];
  });
  return { type: 'FeatureCollection' as const, features };
}
