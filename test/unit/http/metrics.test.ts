import { describe, expect, it } from 'vitest';
import { createMetrics, routeFamily } from '../../../bot/http/metrics.ts';
import { queueGauges } from '../../../bot/app/queue-gauges.ts';

describe('metrics', () => {
  it('groups paths into route families so that no id or text becomes a label', () => {
    expect(routeFamily('/api/conversations/c-123/messages')).toBe('/api/conversations');
    expect(routeFamily('/api/tickets/42/claim')).toBe('/api/tickets');
    expect(routeFamily('/konsole/umfragen/s-1/ergebnisse')).toBe('/konsole');
    expect(routeFamily('/irgendwas/geheim')).toBe('other');
  });

  it('renders counters, a latency histogram and gauges in the Prometheus text format', async () => {
    const metrics = createMetrics({
      tickets_waiting: () => 3,
      broken: () => {
        throw new Error('store down');
      },
    });
    metrics.observe('/api/chat', 200, 0.02);
    metrics.observe('/api/chat', 400, 0.3);
    const text = await metrics.render();
    expect(text).toContain('lotse_http_requests_total{route="/api/chat",status="2xx"} 1');
    expect(text).toContain('lotse_http_requests_total{route="/api/chat",status="4xx"} 1');
    expect(text).toContain('lotse_http_request_duration_seconds_bucket{le="0.025"} 1');
    expect(text).toContain('lotse_http_request_duration_seconds_bucket{le="0.5"} 2');
    expect(text).toContain('lotse_http_request_duration_seconds_count 2');
    expect(text).toContain('lotse_tickets_waiting 3');
    expect(text).not.toContain('lotse_broken');
    // Node's default metrics, among them the event-loop delay (issue #20: a blocked event loop shows here).
    expect(text).toMatch(/^nodejs_eventloop_lag_p99_seconds \d/m);
  });

  it('exposes the queue gauges as aggregated counts, only for configured channels', async () => {
    const sources = {
      tickets: { allTickets: async () => [{ state: 'open' }, { state: 'claimed' }, { state: 'answered' }, { state: 'returned' }] },
      indexChunks: () => 120,
      hr: { queues: { outboxPending: async () => 7, surveyBufferPending: () => 3 } },
    };
    const gauges = queueGauges({
      ...sources,
      channels: { teams_outbox_pending: async () => 5, xmpp_outbox_pending: async () => 2 },
      database: { gauges: () => ({ total: 4, idle: 1, waiting: 2 }) },
    });
    await new Promise((resolve) => setImmediate(resolve)); // the ticket and HR outbox counts are read in the background (issue #20)
    const withChannels = await createMetrics(gauges).render();
    for (const line of [
      'lotse_tickets_waiting 3',
      'lotse_index_chunks 120',
      'lotse_hr_outbox_pending 7',
      'lotse_teams_outbox_pending 5',
      'lotse_xmpp_outbox_pending 2',
      'lotse_db_pool_connections 4',
      'lotse_db_pool_idle 1',
      'lotse_db_pool_waiting 2',
    ]) {
      expect(withChannels).toContain(line);
    }
    expect(withChannels).toContain('# TYPE lotse_hr_outbox_pending gauge');
    // Issue #18, item 9: the count of buffered survey answers would reveal who just answered.
    expect(withChannels).not.toContain('survey_buffer');
    const webOnlyGauges = queueGauges(sources);
    await new Promise((resolve) => setImmediate(resolve)); // the HR outbox count too
    const webOnly = await createMetrics(webOnlyGauges).render();
    expect(webOnly).toContain('lotse_hr_outbox_pending 7');
    expect(webOnly).not.toMatch(/teams_outbox|xmpp_outbox/);
  });

  it('answers the ticket gauge from the last background count, never waiting, and leaves it out while the count fails', async () => {
    let tickets: { state: string }[] = [{ state: 'open' }];
    let fail = false;
    const gauges = queueGauges({
      tickets: {
        allTickets: async () => {
          if (fail) throw new Error('database down');
          return tickets;
        },
      },
      indexChunks: () => 0,
      hr: { queues: { outboxPending: async () => 0 } },
    });
    const settle = () => new Promise((resolve) => setImmediate(resolve));
    expect(gauges.tickets_waiting!()).toBe(0); // before the first count: nothing known yet
    await settle();
    tickets = [{ state: 'open' }, { state: 'claimed' }];
    expect(gauges.tickets_waiting!()).toBe(1); // the last count; a fresh one starts
    await settle();
    expect(gauges.tickets_waiting!()).toBe(2);
    fail = true;
    await settle();
    expect(gauges.tickets_waiting!()).toBe(2);
    await settle();
    expect(() => gauges.tickets_waiting!()).toThrow('database down');
    expect(await createMetrics(gauges).render()).not.toContain('lotse_tickets_waiting');
  });
});
