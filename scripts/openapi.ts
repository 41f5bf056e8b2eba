/**
 * Writes the OpenAPI document the app serves to a file (default `openapi.json`), without a
 * database round trip: routes register their schemas at build time. `npm run lint:openapi`
 * lints the result with Redocly.
 */
import { writeFileSync } from 'node:fs';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';

const out = process.argv[2] ?? 'openapi.json';
const database = await openDatabase({ databaseUrl: undefined, dataDir: undefined, poolSize: 1 });
const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_DEMO: 'no' }, { publicUrl: 'http://localhost:3000' });
const app = await buildApp({ config, database, logger: false });
await app.ready();
const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
writeFileSync(out, res.body);
await app.close();
await database.close();
console.log(`wrote ${out} (${Object.keys(res.json<{ paths: object }>().paths).length} paths)`);
