/**
 * What CLI commands receive instead of touching `process` directly, so that they can be tested in process.
 */
import type { Readable } from 'node:stream';

/** Streams and environment of one CLI invocation. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly stdin: Readable;
  readonly env: Record<string, string | undefined>;
  readonly cwd: string;
  /** Whether stderr is a terminal (progress bar). */
  readonly interactive: boolean;
  /** True for the real process streams: logs then go straight to fd 2 (pino destination). */
  readonly processStreams?: boolean;
}

/** The real process streams. */
export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
    interactive: Boolean(process.stderr.isTTY),
    processStreams: true,
  };
}
