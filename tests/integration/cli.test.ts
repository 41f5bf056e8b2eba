import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dataDir = mkdtempSync(path.join(tmpdir(), 'ec-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

type Run = { code: number; stdout: string; stderr: string };

/** Runs the CLI as an operator would, on a fresh embedded database (never the shared test one). */
function cli(...args: string[]): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'development' };
  delete env.DATABASE_URL;
  delete env.SMTP_URL;
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'src/cli.ts', ...args], { env, timeout: 120_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

describe('command line', () => {
  it('creates an admin with a password link, then says the account exists on a second run', async () => {
    const first = await cli('create-admin', 'x@example.test', 'Xavier', 'Admin');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('Compte administrateur créé pour x@example.test.');
    expect(first.stdout).toContain('Administrator account created for x@example.test.');
    expect(first.stdout).toMatch(/http:\/\/localhost:\d+\/reinitialiser-mot-de-passe\?token=[\w-]{20,}/);
    const second = await cli('create-admin', 'X@Example.test');
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain('The account x@example.test already exists');
    expect(second.stdout).not.toContain('token=');
  }, 180_000);

  it('exits 1 with a translated message when the service refuses', async () => {
    const res = await cli('grant-role', 'x@example.test', 'moderator');
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('This role must be tied to a caisse.');
    expect(res.stderr).toContain('Ce rôle doit être rattaché à une caisse.');
  }, 120_000);

  it.each([[['frobnicate']], [['grant-role', 'x@example.test', 'boss']]])('exits 1 with the usage on bad usage %j', async (args) => {
    const res = await cli(...args);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('Invalid command or arguments.');
    expect(res.stdout).toContain('create-admin <email> [display name]');
  }, 60_000);

  it('prints the help in both languages and exits 0', async () => {
    const res = await cli('help');
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('Usage : npm run cli -- <commande>');
    expect(res.stdout).toContain('Usage: npm run cli -- <command>');
  }, 60_000);
});
