import { type Logger, pino } from 'pino';
import type { Config } from './config/config.js';

export type { Logger };

export function createLogger(config: Pick<Config, 'logLevel'>, name = 'kapal'): Logger {
  return pino({
    name,
    level: config.logLevel,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.token'],
      censor: '[redacted]',
    },
  });
}
