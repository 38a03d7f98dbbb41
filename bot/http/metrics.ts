/**
 * Prometheus metrics (`GET /metrics`, prom-client): request counts by route family and status class, a latency
 * histogram, queue and database-pool gauges supplied by the app, and Node's default metrics (event-loop delay,
 * heap, CPU). Aggregated only: no user, conversation or message text ever appears.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Request, Response, Server } from 'restify';
import { loopbackRefusal } from '../shared/loopback.ts';

/** Named gauges read at scrape time (e.g. open tickets, outbox sizes). */
export type Gauges = Readonly<Record<string, () => number>>;

const buckets = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** The route family of a path, so that ids never become label values. */
export function routeFamily(path: string): string {
  const known = [
    '/api/chat',
    '/api/feedback',
    '/api/tickets',
    '/api/conversations',
    '/api/hr',
    '/api/messages',
    '/api/sources',
    '/api/reports',
    '/api/session',
    '/konsole',
    '/login',
    '/auth',
    '/dev-login',
    '/assets',
    '/healthz',
    '/readyz',
    '/metrics',
  ];
  return (
    known.find((prefix) => path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}?`)) ??
    (path === '/' ? '/' : 'other')
  );
}

/** How `/metrics` is protected and how often gauges are read (issue #18, item 13). */
export interface MetricsOptions {
  /** `METRICS_TOKEN`: scrapers send `Authorization: Bearer <token>`; without it only direct loopback requests are served. */
  readonly token?: string;
  /** Gauges are read at most once per this many ms (default 15 s); a scrape flood never reloads every ticket. */
  readonly gaugeCacheMs?: number;
  /** Milliseconds clock for the gauge cache (tests). */
  readonly now?: () => number;
}

/** Reads all gauges at most once per `cacheMs`; a failing gauge is left out of that reading. */
function cachedGauges(gauges: Gauges, cacheMs: number, now: () => number): () => readonly [string, number][] {
  let cached: { at: number; values: readonly [string, number][] } | undefined;
  return () => {
    if (cached && now() - cached.at < cacheMs) return cached.values;
    const values: [string, number][] = [];
    for (const [name, read] of Object.entries(gauges)) {
      try {
        values.push([name, read()]);
      } catch {
        continue; // a store that is down just leaves its gauge out of this scrape
      }
    }
    cached = { at: now(), values };
    return values;
  };
}

/**
 * Counts requests and latencies with prom-client (one registry per server), adds the app's gauges (a failing one is
 * left out of that scrape) and Node's default metrics, among them the event-loop delay
 * (`nodejs_eventloop_lag_p99_seconds`, issue #20: a synchronous wait on the request path shows there).
 */
export function createMetrics(
  gauges: Gauges = {},
  options: Pick<MetricsOptions, 'gaugeCacheMs' | 'now'> & { readonly defaultMetrics?: boolean } = {},
) {
  const readGauges = cachedGauges(gauges, options.gaugeCacheMs ?? 15_000, options.now ?? (() => performance.now()));
  const registry = new Registry();
  const requests = new Counter({
    name: 'lotse_http_requests_total',
    help: 'HTTP requests by route family and status class.',
    labelNames: ['route', 'status'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'lotse_http_request_duration_seconds',
    help: 'HTTP request latency.',
    buckets,
    registers: [registry],
  });
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 10 });
  const gaugeMetrics = new Map<string, Gauge>();
  /** Sets each readable gauge; a gauge whose reading failed is removed from the registry until it reads again. */
  const refreshGauges = (): void => {
    const values = new Map(readGauges());
    for (const name of Object.keys(gauges)) {
      const metric = `lotse_${name}`;
      const value = values.get(name);
      let gauge = gaugeMetrics.get(name);
      if (value === undefined) {
        if (gauge) registry.removeSingleMetric(metric);
        gaugeMetrics.delete(name);
        continue;
      }
      if (!gauge) {
        gauge = new Gauge({ name: metric, help: `${name.replaceAll('_', ' ')} (aggregated count)`, registers: [registry] });
        gaugeMetrics.set(name, gauge);
      }
      gauge.set(value);
    }
  };
  return {
    observe(path: string, status: number, seconds: number): void {
      requests.inc({ route: routeFamily(path), status: `${Math.floor(status / 100)}xx` });
      latency.observe(seconds);
    },
    contentType: registry.contentType,
    async render(): Promise<string> {
      refreshGauges();
      return registry.metrics();
    },
  };
}

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/** 0 when the request may read the metrics, else the HTTP status to answer (401 wrong/missing token, 403 not loopback). */
export function metricsRefusal(request: Request, token: string | undefined): 0 | 401 | 403 {
  if (token === undefined) return loopbackRefusal(request) ? 403 : 0;
  const sent = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
  return sent !== undefined && timingSafeEqual(digest(sent), digest(token)) ? 0 : 401;
}

/** Records every request and serves `/metrics` (token or direct loopback only). */
export function registerMetrics(server: Server, gauges: Gauges = {}, options: MetricsOptions = {}): void {
  const metrics = createMetrics(gauges, options);
  server.on('after', (request: Request, response: Response) => {
    const started = (request as Request & { lotseStarted?: number }).lotseStarted;
    if (started !== undefined) metrics.observe(request.url ?? '/', response.statusCode, (performance.now() - started) / 1000);
  });
  server.pre((request: Request, _response: Response, next: () => void) => {
    (request as Request & { lotseStarted?: number }).lotseStarted = performance.now();
    next();
  });
  server.get('/metrics', async (request: Request, response: Response) => {
    const refusal = metricsRefusal(request, options.token);
    if (refusal) {
      if (refusal === 401) response.setHeader('WWW-Authenticate', 'Bearer');
      return void response.send(refusal);
    }
    response.setHeader('Content-Type', metrics.contentType);
    response.sendRaw(200, await metrics.render());
  });
}
