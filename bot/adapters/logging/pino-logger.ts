/**
 * The `Logger` port on pino: one JSON line per event on stderr (fd 2, synchronous), ISO time, the level as
 * its label and the event name as the field `event`. Fields that may carry user text (questions, answers,
 * message bodies, names, e-mail addresses) are censored unless the operator sets `LOG_LEVEL=debug`
 * (DV KI: no monitoring of what staff ask); credentials (authorization, cookie, password, secret, apiKey …)
 * are censored always.
 */
import pino, { type DestinationStream } from 'pino';
import type { Logger, LogLevel } from '../../shared/logger.ts';

/** Field names whose values may be user text; censored at one and two levels of nesting. */
export const userTextFields = [
  'text',
  'question',
  'answer',
  'body',
  'message',
  'reply',
  'name',
  'email',
  'query',
  'comment',
  'title',
] as const;

/**
 * Field names that may carry credentials; censored at one to three levels of nesting at every level,
 * `debug` included (issue #18, item 14).
 */
export const secretFields = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'password',
  'passwd',
  'secret',
  'clientSecret',
  'client_secret',
  'apiKey',
  'api_key',
  'apikey',
  'x-api-key',
  'token',
  'accessToken',
  'access_token',
  'refreshToken',
  'refresh_token',
  'idToken',
  'id_token',
  'csrf',
  'x-csrf-token',
  'sessionId',
  'privateKey',
  'key',
  'hmacKey',
  'databaseUrl',
  'connectionString',
] as const;

/** What replaces a censored value. */
export const redactedValue = '[redacted]';

/** Options of the pino logger; `destination` is for tests (stderr by default). */
export interface PinoLoggerOptions {
  readonly level?: LogLevel;
  readonly destination?: DestinationStream;
}

/** A `Logger` plus `flush()` for shutdown. */
export interface FlushableLogger extends Logger {
  /** Writes out anything buffered (a no-op for the synchronous stderr destination, but safe to call). */
  flush(): void;
}

function pathsOf(field: string, depth: number): string[] {
  const segment = /^[A-Za-z_$][\w$]*$/.test(field) ? field : `["${field}"]`;
  const join = (prefix: string): string => (segment.startsWith('[') ? `${prefix}${segment}` : `${prefix}.${segment}`);
  return [segment, join('*'), ...(depth > 2 ? [join('*.*')] : [])];
}

function redactPaths(level: LogLevel): string[] {
  const secrets = secretFields.flatMap((field) => pathsOf(field, 3));
  return level === 'debug' ? secrets : [...secrets, ...userTextFields.flatMap((field) => pathsOf(field, 2))];
}

/** Builds the logger; secret-bearing fields are always censored, user-text fields unless `level` is `debug`. */
export function createPinoLogger(options: PinoLoggerOptions = {}): FlushableLogger {
  const level = options.level ?? 'info';
  const destination = options.destination ?? pino.destination({ fd: 2, sync: true });
  const logger = pino(
    {
      level,
      base: undefined,
      messageKey: 'event',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: redactPaths(level), censor: redactedValue },
    },
    destination,
  );
  const emit =
    (at: LogLevel) =>
    (event: string, data?: Record<string, unknown>): void => {
      try {
        logger[at](data ?? {}, event);
      } catch {
        // Logging must never take the service down (e.g. stderr closed during shutdown).
      }
    };
  return {
    debug: emit('debug'),
    info: emit('info'),
    warn: emit('warn'),
    error: emit('error'),
    flush: () => {
      try {
        logger.flush();
      } catch {
        // nothing left to write to
      }
    },
  };
}
