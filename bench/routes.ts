import type { Deps } from '../src/platform/deps.js';

export type BenchRoute = { name: string; path: string };
export type Prepared = { personHandle: string; projectId: string; needId: string };

/** Anything a route needs that the seed does not name (ids, handles). */
export async function prepare(_deps: Deps): Promise<Prepared> {
  const projects = Number(process.env.BENCH_PROJECTS ?? 20_000);
  const middle = Math.max(1, Math.floor(projects / 2));
  return { personHandle: `bench-${Math.max(1, Math.floor(Number(process.env.BENCH_PEOPLE ?? 100_000) / 2))}`, projectId: `bp${middle}`, needId: `bn${middle}-2` };
}

/** The hot routes, as a visitor reaches them. */
export const ROUTES = (p: Prepared): BenchRoute[] => [
  { name: 'GET / (home page)', path: '/' },
  { name: 'GET /membres/:handle (personal page)', path: `/membres/${p.personHandle}` },
  { name: 'GET /api/v1/territories', path: '/api/v1/territories' },
  { name: 'GET /projets (project grid)', path: '/projets' },
  { name: 'GET /projets/:id (project page)', path: `/projets/${p.projectId}` },
  { name: 'GET /api/v1/projects?q=benevole (search)', path: '/api/v1/projects?q=benevole' },
  { name: 'GET /api/v1/search?q=eglise (one search, every type)', path: '/api/v1/search?q=eglise' },
  { name: 'GET /api/v1/projects?territory=villeray&needKind=loan', path: '/api/v1/projects?territory=villeray&needKind=loan' },
  { name: 'GET /api/v1/needs/:id/matches (who could help)', path: `/api/v1/needs/${p.needId}/matches` },
  { name: 'GET /appels (calls for projects)', path: '/appels' },
  { name: 'GET /appels/:slug (a call)', path: '/appels/bench-call-1' },
  { name: 'GET /concours (contests)', path: '/concours' },
  { name: 'GET /concours/:slug (a running contest)', path: '/concours/bench-contest-running' },
  { name: 'GET /api/v1/contests/:id/draw (draw data, 5,000-line list)', path: '/api/v1/contests/bench-contest-drawn/draw' },
];

/** `--only=appels,concours`: the routes whose name or path contains one of the words (all when absent). */
export function onlyRoutes(routes: BenchRoute[], argv: readonly string[]): BenchRoute[] {
  const words = argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',').map((w) => w.trim().toLowerCase()).filter(Boolean) ?? [];
  return words.length ? routes.filter((r) => words.some((w) => r.name.toLowerCase().includes(w) || r.path.toLowerCase().includes(w))) : routes;
}
