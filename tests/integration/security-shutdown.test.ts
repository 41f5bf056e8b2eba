import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * SIGTERM under load, on the real entry point (src/main.ts) in a child process: readiness turns
 * 503 first, in-flight and keep-alive requests keep being served for the grace period, then the
 * process exits 0, and no client ever sees a reset connection.
 */
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ec-shutdown-'));
let child: ChildProcess | undefined;
afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

type Outcome = { status?: number; error?: string; at: number };

function get(agent: http.Agent, port: number, urlPath: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: urlPath, agent }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, at: Date.now() }));
      res.on('error', (err: NodeJS.ErrnoException) => resolve({ error: err.code ?? err.message, at: Date.now() }));
    });
    req.on('error', (err: NodeJS.ErrnoException) => resolve({ error: err.code ?? err.message, at: Date.now() }));
  });
}

describe('graceful shutdown', () => {
  it('reports not-ready, keeps serving keep-alive clients for the grace period, then exits without resets', async () => {
    const port = await freePort();
    const graceSeconds = 5;
    child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      env: {
        ...process.env, NODE_ENV: 'development', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '', SEED_DEMO: 'no',
        LOG_LEVEL: 'info', SHUTDOWN_GRACE_SECONDS: String(graceSeconds), OVERLOAD_GUARD: 'off', RATE_LIMITS: 'off', ADMIN_EMAIL: '', SMTP_URL: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`did not start:\n${output}`)), 150_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Espace Collectif ready')) {
          clearTimeout(timer);
          resolve();
        }
      };
      child!.stdout!.on('data', onData);
      child!.stderr!.on('data', onData);
      void exited.then((code) => reject(new Error(`exited with ${code}:\n${output}`)));
    });

    // 16 keep-alive clients hammering a database route and the liveness route.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
    const outcomes: Outcome[] = [];
    let stop = false;
    const loops = Array.from({ length: 16 }, async (_, i) => {
      while (!stop) outcomes.push(await get(agent, port, i % 2 ? '/api/v1/territories' : '/healthz'));
    });
    await new Promise((r) => setTimeout(r, 1_000));
    expect((await get(agent, port, '/readyz')).status).toBe(200);

    const signalledAt = Date.now();
    child.kill('SIGTERM');
    // Like a load balancer: poll readiness (on its own connection), then stop sending traffic.
    let readiness: Outcome = { at: 0 };
    while (readiness.status !== 503 && Date.now() - signalledAt < graceSeconds * 1000) {
      readiness = await get(new http.Agent({ keepAlive: false }), port, '/readyz');
      if (readiness.status !== 503) await new Promise((r) => setTimeout(r, 100));
    }
    expect(readiness.status).toBe(503);
    const notReadyAfter = readiness.at - signalledAt;
    await new Promise((r) => setTimeout(r, 500));
    stop = true;
    await Promise.all(loops);
    agent.destroy();

    const code = await exited;
    const errors = outcomes.filter((o) => o.error);
    const afterSignal = outcomes.filter((o) => o.at > readiness.at);
    const report = `${errors.length} errors (${[...new Set(errors.map((e) => e.error))].join(', ')}) at ${[...new Set(errors.map((e) => e.at - signalledAt))].slice(0, 10).join(', ')} ms after SIGTERM; ${afterSignal.length} served after readiness turned 503 (${notReadyAfter} ms after SIGTERM); exit ${code}\n${output.slice(-3000)}`;
    expect(errors.length, report).toBe(0);
    expect(outcomes.every((o) => o.status === 200)).toBe(true);
    expect(afterSignal.length).toBeGreaterThan(10); // still served after SIGTERM
    expect(code).toBe(0);
    expect(output).toContain('grace period over');
  }, 200_000);
});
