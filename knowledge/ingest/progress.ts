/**
 * Progress of long ingest runs on stderr: a redrawn bar on a terminal, a plain line every 10 % otherwise.
 */

/** Receives progress events from the ingest. */
export interface ProgressReporter {
  start(total: number): void;
  tick(file: string): void;
  done(): void;
}

/** Reports nothing. */
export const silentProgress: ProgressReporter = { start: () => undefined, tick: () => undefined, done: () => undefined };

/** Creates a reporter writing to `write` (stderr); quiet for small runs. */
export function createProgressReporter(options: {
  write: (text: string) => void;
  interactive: boolean;
  minFiles?: number;
}): ProgressReporter {
  let total = 0;
  let seen = 0;
  let lastDecile = -1;
  const active = (): boolean => total >= (options.minFiles ?? 20);
  return {
    start: (count) => {
      total = count;
      seen = 0;
    },
    tick: (file) => {
      seen += 1;
      if (!active()) return;
      const share = seen / total;
      if (options.interactive) {
        const filled = Math.round(share * 30);
        options.write(`\r[${'#'.repeat(filled)}${'.'.repeat(30 - filled)}] ${seen}/${total} ${file.slice(-40).padEnd(40)}`);
      } else if (Math.floor(share * 10) > lastDecile) {
        lastDecile = Math.floor(share * 10);
        options.write(`ingest: ${seen}/${total} files\n`);
      }
    },
    done: () => {
      if (active() && options.interactive) options.write('\n');
    },
  };
}
