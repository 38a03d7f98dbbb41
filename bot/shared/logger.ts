/**
 * The logging port: every component logs an event name plus fields (ids and counts, not content). The
 * implementation is pino (`adapters/logging/pino-logger.ts`), which censors user-text fields unless
 * `LOG_LEVEL=debug` (DV KI: no monitoring).
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** What every component receives instead of `console`. */
export interface Logger {
  debug(event: string, data?: Record<string, unknown>): void;
  info(event: string, data?: Record<string, unknown>): void;
  warn(event: string, data?: Record<string, unknown>): void;
  error(event: string, data?: Record<string, unknown>): void;
}

/** A logger that drops everything (for tests and quiet CLI commands). */
export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
