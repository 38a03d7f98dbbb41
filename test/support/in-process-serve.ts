/**
 * Runs `lotse serve` in this process (the real CLI command, so its timers can be faked with `vi.useFakeTimers`)
 * and lets a test wait for log events instead of sleeping: `waitFor` resolves when the output matches.
 */
import { Readable } from 'node:stream';
import type { CliIo } from '../../bot/cli/cli-io.ts';
import { main } from '../../bot/cli/main.ts';

/** A `serve` started in process. */
export interface InProcessServe {
  readonly url: string;
  /** Everything written to stderr (pino JSON lines and messages). */
  output(): string;
  /** How often the log event `event` was written so far. */
  count(event: string): number;
  /** Resolves once `event` was logged at least `times` times (no time limit: the test's timeout applies). */
  waitForEvent(event: string, times: number): Promise<void>;
  /** SIGTERM (the listener `serve` registered) and its exit code. */
  stop(): Promise<number>;
}

/** Starts `lotse serve` with exactly `env` (plus loopback, port 0, dev login, no drain) and resolves once it serves. */
export async function startInProcessServe(args: string[], env: Record<string, string>, cwd: string): Promise<InProcessServe> {
  let output = '';
  const waiters: { check: () => boolean; done: () => void }[] = [];
  const notify = (): void => {
    for (const waiter of [...waiters])
      if (waiter.check()) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.done();
      }
  };
  const until = (check: () => boolean): Promise<void> =>
    new Promise((done) => {
      waiters.push({ check, done });
      notify();
    });
  const count = (event: string): number => output.split(`"event":"${event}"`).length - 1;
  const io: CliIo = {
    stdout: () => undefined,
    stderr: (text) => {
      output += text;
      notify();
    },
    stdin: Readable.from([]),
    env: { PORT: '0', HOST: '127.0.0.1', AUTH_MODE: 'dev', SHUTDOWN_DRAIN_S: '0', LOG_LEVEL: 'info', ...env },
    cwd,
    interactive: false,
  };
  const exit = main(['serve', ...args], io);
  let exited = false;
  void exit.then(() => {
    exited = true;
    notify();
  });
  await until(() => exited || /lotse web chat: http:\/\/127\.0\.0\.1:\d+\//.test(output));
  const url = /lotse web chat: (http:\/\/127\.0\.0\.1:\d+)\//.exec(output)?.[1];
  if (!url) throw new Error(`serve exited before serving:\n${output}`);
  return {
    url,
    output: () => output,
    count,
    waitForEvent: (event, times) => until(() => count(event) >= times),
    stop: async () => {
      process.emit('SIGTERM');
      return exit;
    },
  };
}
