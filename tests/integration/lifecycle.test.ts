import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ec-lifecycle-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function start(port: number): { child: ChildProcessWithoutNullStreams; output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', DATABASE_URL: '', TEST_DATABASE_URL: '' },
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  return { child, output: () => out };
}

async function waitReady(base: string): Promise<void> {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/readyz`)).ok) return;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the app never became ready');
}

function exitOf(child: ChildProcessWithoutNullStreams): Promise<{ code: number | null; ms: number }> {
  const t0 = Date.now();
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, ms: Date.now() - t0 })));
}

describe('the app process', () => {
  it('starts on an empty data folder with demo data, drains on SIGTERM, and restarts on the same data without re-seeding', async () => {
    const port = 3400 + Math.floor(Math.random() * 500);
    const base = `http://127.0.0.1:${port}`;
    const first = start(port);
    await waitReady(base).catch((err: Error) => {
      throw new Error(`${err.message}\n${first.output()}`);
    });
    const home = await fetch(`${base}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('Plateau-Mont-Royal');
    const person = await fetch(`${base}/api/v1/people/marie-eve-tremblay`);
    expect(person.status).toBe(200);

    // A request in flight when SIGTERM arrives still completes; readiness turns 503 meanwhile.
    const inflight = fetch(`${base}/api/v1/territories`);
    const exited = exitOf(first.child);
    first.child.kill('SIGTERM');
    expect((await inflight).status).toBe(200);
    const { code, ms } = await exited;
    expect(code, first.output()).toBe(0);
    expect(ms).toBeLessThan(10_000);

    const second = start(port);
    await waitReady(base);
    expect(second.output()).not.toContain('first start');
    const again = await fetch(`${base}/api/v1/people/marie-eve-tremblay`);
    expect(again.status).toBe(200);
    const territories = (await (await fetch(`${base}/api/v1/territories`)).json()) as { items: { slug: string }[] };
    expect(territories.items.filter((t) => t.slug === 'plateau-mont-royal')).toHaveLength(1);
    const exited2 = exitOf(second.child);
    second.child.kill('SIGTERM');
    expect((await exited2).code).toBe(0);
  }, 120_000);
});
