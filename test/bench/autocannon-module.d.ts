// Minimal types for the parts of autocannon 9 the load test uses (the package ships no declarations).
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  namespace autocannon {
    interface Request {
      method?: string;
      path?: string;
      headers?: Record<string, string>;
      body?: string;
    }

    interface Options {
      url: string | string[];
      connections?: number;
      duration?: number;
      overallRate?: number;
      connectionRate?: number;
      method?: string;
      headers?: Record<string, string>;
      requests?: Request[];
      /** Seconds until a request counts as timed out (default 10). */
      timeout?: number;
      ignoreCoordinatedOmission?: boolean;
      skipAggregateResult?: boolean;
    }

    interface Histogram {
      average: number;
      stddev: number;
      min: number;
      max: number;
      p50: number;
      p90: number;
      p97_5: number;
      p99: number;
      totalCount?: number;
    }

    /** The result of one instance; with `skipAggregateResult` its histograms are encoded strings. */
    interface Result {
      errors: number;
      timeouts: number;
      non2xx: number;
      '2xx': number;
      duration: number;
      start: Date;
      finish: Date;
      totalRequests?: number;
      totalCompletedRequests?: number;
      latency: Histogram;
      requests: { sent: number; total: number; average: number };
    }

    interface Instance extends EventEmitter, PromiseLike<Result> {
      stop(): void;
    }

    function aggregateResult(results: readonly Result[], options: { url: string | string[] }): Result;
  }

  function autocannon(options: autocannon.Options): autocannon.Instance;
  export = autocannon;
}
