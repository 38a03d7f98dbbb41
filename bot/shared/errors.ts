/**
 * The small set of exceptions lotse throws. Expected outcomes are values (see `bot/ports/turn.ts`);
 * these are for the rest: a `UserError` carries German text safe to show, an `AppError` is a bug or an
 * operator problem that is logged with its data and answered with a generic reply.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
  /** German text that may be shown to the person who caused it. */
  constructor(
    readonly userMessage: string,
    readonly status = 400,
  ) {
    super(userMessage);
  }
}

/** An operator-facing failure (English message, structured data for the log). */
export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    message: string,
    readonly data: Readonly<Record<string, unknown>> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Best-effort text of an unknown thrown value, for log lines. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
