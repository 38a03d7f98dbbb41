/**
 * Thin wrapper over `node:util` parseArgs that turns its errors into a `UsageError`.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A wrong command line (exit code 2 with the usage text). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses flags and positionals strictly; unknown flags are usage errors. */
export function parseOptions<T extends Options>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
