/**
 * A separate worker process for the jobs durability test: starts one worker on PostgreSQL whose
 * handler never finishes, prints `started <jobId>` once it holds the job, and waits to be killed.
 * Usage: tsx tests/helpers/jobs-child.ts <databaseUrl> <schema> <queue>
 */
import pino from 'pino';
import { openDatabase } from '../../src/db/client.js';
import { createJobs } from '../../src/platform/jobs/jobs.js';

const [url, schema, name] = process.argv.slice(2);
if (!url || !schema || !name) throw new Error('usage: jobs-child <databaseUrl> <schema> <queue>');
const database = await openDatabase({ databaseUrl: url, poolSize: 2 });
const jobs = createJobs(database, [{
  name, expireInSeconds: 1, retryDelaySeconds: 1, retryLimit: 3,
  handler: async (_payload, job) => {
    process.stdout.write(`started ${job.id}\n`);
    await new Promise(() => undefined);
  },
}], { log: pino({ level: 'silent' }), schema, pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1 });
await jobs.start();
process.stdout.write('ready\n');
