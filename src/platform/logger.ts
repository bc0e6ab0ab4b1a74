import { type DestinationStream, type Logger, pino } from 'pino';
import type { Config } from './config/config.js';

export type { Logger };

/** JSON lines on stdout (or `destination`, for tests), secrets censored (docs/OBSERVABILITY.md). */
export function createLogger(
  config: Pick<Config, 'logLevel'>,
  name = 'kapal',
  destination?: DestinationStream,
): Logger {
  const options = {
    name,
    level: config.logLevel,
    // Nothing logs headers or bodies today (the request line is ours, app.ts); these catch what might.
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["set-cookie"]',
        'req.body',
        'body',
        'headers.authorization',
        'headers.cookie',
        'password',
        'token',
        'secret',
        '*.password',
        '*.currentPassword',
        '*.newPassword',
        '*.token',
        '*.accessToken',
        '*.refreshToken',
        '*.secret',
        '*.serverKey',
        '*.signature_key',
        '*.authorization',
        '*.cookie',
      ],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
