import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({ logLevel: 'info' }, 'kapal', {
    write: (line: string) => {
      lines.push(JSON.parse(line));
    },
  });
  return { logger, lines };
}

describe('createLogger', () => {
  it('writes one JSON object per line with the name and message', () => {
    const { logger, lines } = capture();
    logger.child({ reqId: 'r-1' }).info({ route: '/x', statusCode: 200 }, 'request completed');
    expect(lines).toEqual([
      expect.objectContaining({ name: 'kapal', reqId: 'r-1', route: '/x', statusCode: 200, msg: 'request completed' }),
    ]);
  });

  it('censors credentials should a line carry them: headers, bodies, passwords, tokens, keys', () => {
    const { logger, lines } = capture();
    logger.info({
      req: { headers: { authorization: 'Bearer s3cret-token', cookie: 'sid=s3cret-cookie' }, body: { x: 1 } },
      body: { password: 's3cret-password' },
      password: 's3cret-password',
      user: { password: 's3cret-password', newPassword: 's3cret-new', token: 's3cret-token' },
      tokens: { accessToken: 's3cret-access', refreshToken: 's3cret-refresh' },
      midtrans: { serverKey: 's3cret-key', signature_key: 's3cret-signature' },
      secret: 's3cret-value',
    });
    const text = JSON.stringify(lines);
    expect(text).not.toContain('s3cret');
    expect(text).toContain('[redacted]');
  });
});
