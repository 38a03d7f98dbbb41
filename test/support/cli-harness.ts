/**
 * Runs CLI commands in process with captured output and a given stdin.
 */
import { Readable } from 'node:stream';
import type { CliIo } from '../../bot/cli/cli-io.ts';
import { main } from '../../bot/cli/main.ts';

/** Output of one in-process CLI run. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `lotse <args>` in process. `stdin` may be text or raw bytes. */
export async function runCli(
  args: string[],
  options: { stdin?: string | Buffer; env?: Record<string, string>; cwd?: string } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
    env: { LOTSE_TODAY: '2026-11-22', ...options.env },
    cwd: options.cwd ?? process.cwd(),
    interactive: false,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}
