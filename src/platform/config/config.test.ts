import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('builds a nested, typed config with development defaults', () => {
    const config = loadConfig({ PORT: '8080', MIDTRANS_IS_PRODUCTION: 'false', WORKER_CONCURRENCY: '3' });
    expect(config.http.port).toBe(8080);
    expect(config.queue.concurrency).toBe(3);
    expect(config.midtrans.isProduction).toBe(false);
    expect(config.midtrans.snapUrl).toBe('https://app.sandbox.midtrans.com');
    expect(config.encryptionKey).toHaveLength(32);
  });

  it('uses Midtrans production hosts when asked, and explicit URLs over both', () => {
    expect(loadConfig({ MIDTRANS_IS_PRODUCTION: 'true' }).midtrans.apiUrl).toBe('https://api.midtrans.com');
    expect(loadConfig({ MIDTRANS_API_URL: 'http://127.0.0.1:9999' }).midtrans.apiUrl).toBe('http://127.0.0.1:9999');
  });

  it('names each wrong variable', () => {
    const problems = problemsOf({ PORT: 'eighty', DATABASE_URL: 'not a url', MIDTRANS_IS_PRODUCTION: 'maybe' });
    expect(problems.join('\n')).toMatch(/PORT/);
    expect(problems.join('\n')).toMatch(/DATABASE_URL/);
    expect(problems.join('\n')).toMatch(/MIDTRANS_IS_PRODUCTION: must be true or false/);
  });

  it('rejects an encryption key that is not 32 bytes', () => {
    expect(problemsOf({ ENCRYPTION_KEY: Buffer.alloc(16).toString('base64') })).toEqual([
      'ENCRYPTION_KEY: must be 32 bytes, base64-encoded',
    ]);
  });

  it('refuses development secrets in production, naming each', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    for (const name of [
      'JWT_SECRET',
      'ENCRYPTION_KEY',
      'MIDTRANS_SERVER_KEY',
      'MIDTRANS_CLIENT_KEY',
      'WORKER_AGENT_TOKEN',
    ]) {
      expect(problems.some((p) => p.startsWith(`${name}:`))).toBe(true);
    }
  });

  it('accepts production with real secrets', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(48),
      ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
      MIDTRANS_SERVER_KEY: 'Mid-server-real',
      MIDTRANS_CLIENT_KEY: 'Mid-client-real',
      WORKER_AGENT_TOKEN: 'a-real-token-of-some-length',
    });
    expect(config.env).toBe('production');
  });
});
