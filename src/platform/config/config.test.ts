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

  it('accepts production with real secrets, https and remote services', () => {
    const config = loadConfig(PRODUCTION);
    expect(config.env).toBe('production');
    expect(config.midtrans.isProduction).toBe(true);
  });
});

/** A production environment that passes every check; each test below breaks one thing. */
const PRODUCTION = {
  NODE_ENV: 'production',
  JWT_SECRET: 'x'.repeat(48),
  ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
  MIDTRANS_SERVER_KEY: 'Mid-server-real',
  MIDTRANS_CLIENT_KEY: 'Mid-client-real',
  MIDTRANS_IS_PRODUCTION: 'true',
  WORKER_AGENT_TOKEN: 'a-real-token-of-some-length',
  PUBLIC_URL: 'https://api.kapal.example',
  DATABASE_URL: 'postgres://kapal:secret@db.internal:5432/kapal',
  REDIS_URL: 'redis://redis.internal:6379',
  SMTP_URL: 'smtps://mail.example.com:465',
};

describe('loadConfig in production: settings that only make sense in development', () => {
  it('refuses the Midtrans sandbox (also when MIDTRANS_IS_PRODUCTION is unset), unless explicitly allowed', () => {
    for (const env of [
      { ...PRODUCTION, MIDTRANS_IS_PRODUCTION: 'false' },
      { ...PRODUCTION, MIDTRANS_IS_PRODUCTION: '' },
    ]) {
      expect(problemsOf(env)).toEqual([
        expect.stringMatching(
          /^MIDTRANS_IS_PRODUCTION: must be true when NODE_ENV=production.*ALLOW_MIDTRANS_SANDBOX_IN_PRODUCTION=true/,
        ),
      ]);
    }
    const allowed = loadConfig({
      ...PRODUCTION,
      MIDTRANS_IS_PRODUCTION: 'false',
      ALLOW_MIDTRANS_SANDBOX_IN_PRODUCTION: 'true',
    });
    expect(allowed.midtrans.apiUrl).toBe('https://api.sandbox.midtrans.com');
  });

  it('refuses an http PUBLIC_URL (also the development default), unless explicitly allowed', () => {
    for (const PUBLIC_URL of ['http://api.kapal.example', '']) {
      expect(problemsOf({ ...PRODUCTION, PUBLIC_URL })).toEqual([
        expect.stringMatching(/^PUBLIC_URL: must be an https:\/\/ URL.*ALLOW_INSECURE_PUBLIC_URL=true/),
      ]);
    }
    expect(
      loadConfig({ ...PRODUCTION, PUBLIC_URL: 'http://api.kapal.example', ALLOW_INSECURE_PUBLIC_URL: 'true' }).http
        .publicUrl,
    ).toBe('http://api.kapal.example');
  });

  it('refuses database, Redis and SMTP on this machine, naming each, unless explicitly allowed', () => {
    const local = {
      DATABASE_URL: 'postgres://kapal:secret@localhost:5432/kapal',
      REDIS_URL: 'redis://[::1]:6379',
      SMTP_URL: 'smtp://127.0.0.1:25',
    };
    const problems = problemsOf({ ...PRODUCTION, ...local });
    expect(problems).toHaveLength(3);
    for (const name of Object.keys(local)) {
      expect(
        problems.some(
          (p) =>
            p.startsWith(`${name}: points at this machine`) && p.includes('ALLOW_LOCAL_SERVICES_IN_PRODUCTION=true'),
        ),
      ).toBe(true);
    }
    // Other spellings of loopback, and the unset development defaults.
    for (const DATABASE_URL of [
      'postgres://kapal@127.0.0.2/kapal',
      'postgres://kapal@LOCALHOST./kapal',
      'postgres://kapal@db.localhost/kapal',
      'postgres://kapal@[::ffff:127.0.0.1]/kapal',
      'postgres:///kapal?host=/run/postgresql',
      '',
    ]) {
      expect(problemsOf({ ...PRODUCTION, DATABASE_URL }), DATABASE_URL).toEqual([
        expect.stringMatching(/^DATABASE_URL: points at this machine/),
      ]);
    }
    expect(problemsOf({ ...PRODUCTION, REDIS_URL: '' })).toEqual([expect.stringMatching(/^REDIS_URL:/)]);
    expect(problemsOf({ ...PRODUCTION, SMTP_URL: '' })).toEqual([expect.stringMatching(/^SMTP_URL:/)]);
    expect(loadConfig({ ...PRODUCTION, ...local, ALLOW_LOCAL_SERVICES_IN_PRODUCTION: 'true' }).redis.url).toBe(
      'redis://[::1]:6379',
    );
  });

  it('takes only true or false as an override flag', () => {
    expect(problemsOf({ ...PRODUCTION, ALLOW_INSECURE_PUBLIC_URL: 'yes please' })).toEqual([
      'ALLOW_INSECURE_PUBLIC_URL: must be true or false',
    ]);
  });

  it('leaves development and test alone', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).database.url).toBe('postgres://postgres@127.0.0.1:5432/kapal');
    expect(loadConfig({}).http.publicUrl).toBe('http://127.0.0.1:3000');
  });
});

describe('TRUST_PROXY', () => {
  it('is false by default and when set to false', () => {
    expect(loadConfig({}).http.trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).http.trustProxy).toBe(false);
  });

  it('takes a comma-separated list of addresses and CIDRs, IPv4 and IPv6, as Fastify takes it', () => {
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.7 ,fd00::/8,::1,loopback' }).http.trustProxy).toEqual([
      '10.0.0.0/8',
      '192.168.1.7',
      'fd00::/8',
      '::1',
      'loopback',
    ]);
  });

  it('refuses true and hop counts, saying why', () => {
    for (const TRUST_PROXY of ['true', '1', '2']) {
      expect(problemsOf({ TRUST_PROXY })).toEqual([
        expect.stringMatching(/^TRUST_PROXY: must be false or a comma-separated list.*forged X-Forwarded-For/),
      ]);
    }
  });

  it('names each entry that is not an address or CIDR', () => {
    const [problem] = problemsOf({
      TRUST_PROXY: '10.0.0.0/8,ingress,10.0.0.0/33,1.2.3.4/8/1,0.0.0.0/0,::/0,10.0.0.0/x',
    });
    expect(problem).toMatch(/^TRUST_PROXY:/);
    expect(problem).not.toContain('"10.0.0.0/8"');
    for (const bad of [
      '"ingress" is not',
      '"10.0.0.0/33" has an invalid prefix',
      '"1.2.3.4/8/1" is not',
      '"0.0.0.0/0" would trust every address',
      '"::/0" would trust',
      '"10.0.0.0/x" has an invalid',
    ]) {
      expect(problem).toContain(bad);
    }
  });
});
