import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('config', () => {
  it('has working defaults for a fresh machine', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.dataDir).toBe('./data');
    expect(c.databaseUrl).toBeUndefined();
    expect(c.secureCookies).toBe(false);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).databaseUrl).toBeUndefined();
  });

  it('explains every invalid variable at once', () => {
    expect(() => loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', SMTP_URL: 'http://x' })).toThrow(/PORT[\s\S]*DATABASE_URL[\s\S]*SMTP_URL/);
  });

  it('refuses production without a session secret, and uses secure cookies behind https', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET/);
    const c = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), PUBLIC_URL: 'https://espace.example' });
    expect(c.secureCookies).toBe(true);
  });

  it('has a shutdown grace period and an overload guard that tests turn on explicitly', () => {
    const dev = loadConfig({});
    expect(dev.shutdownGraceSeconds).toBe(5);
    expect(dev.overload).toEqual({ maxEventLoopDelayMs: 200, maxInFlight: 48, maxWaitMs: 500, sampleIntervalMs: 100 });
    expect(loadConfig({ NODE_ENV: 'test' }).overload).toBeNull();
    expect(loadConfig({ NODE_ENV: 'test', OVERLOAD_GUARD: 'on', OVERLOAD_MAX_IN_FLIGHT: '7' }).overload?.maxInFlight).toBe(7);
    expect(loadConfig({ OVERLOAD_GUARD: 'off', SHUTDOWN_GRACE_SECONDS: '0' })).toMatchObject({ overload: null, shutdownGraceSeconds: 0 });
  });
});
