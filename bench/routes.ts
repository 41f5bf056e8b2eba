import type { Deps } from '../src/platform/deps.js';

export type BenchRoute = { name: string; path: string };
export type Prepared = { personHandle: string };

/** Anything a route needs that the seed does not name (ids, handles). */
export async function prepare(_deps: Deps): Promise<Prepared> {
  return { personHandle: `bench-${Math.max(1, Math.floor(Number(process.env.BENCH_PEOPLE ?? 100_000) / 2))}` };
}

/** The hot routes, as a visitor reaches them. */
export const ROUTES = (p: Prepared): BenchRoute[] => [
  { name: 'GET / (home page)', path: '/' },
  { name: 'GET /membres/:handle (personal page)', path: `/membres/${p.personHandle}` },
  { name: 'GET /api/v1/territories', path: '/api/v1/territories' },
];
