import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseBoundary, type Boundary } from '../../modules/territories/territories.geo.js';

/** The folder of the approximate boundaries shipped with the demo (one `<slug>.geojson` each). */
export const SEED_GEO_DIR = fileURLToPath(new URL('.', import.meta.url));

/** The shipped boundary of a territory, or null (no file, or a file that is not a valid polygon). */
export function seedBoundary(slug: string): Boundary | null {
  const file = new URL(`./${slug}.geojson`, import.meta.url);
  if (!existsSync(file)) return null;
  return parseBoundary(JSON.parse(readFileSync(file, 'utf8')));
}
