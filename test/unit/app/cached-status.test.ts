import { describe, expect, it } from 'vitest';
import { cachedStatus } from '../../../bot/app/cached-status.ts';
import type { ServiceStatus } from '../../../bot/ports/chat-service.ts';
import { FixedClock } from '../../fakes/fixed-clock.ts';

const up: ServiceStatus = { ready: true, documents: 3, chunks: 9, indexVersion: 'v1' };

describe('cachedStatus (asynchronous readiness probe)', () => {
  it('runs one probe for overlapping calls and for calls within the probe period, then probes again', async () => {
    const clock = new FixedClock();
    let probes = 0;
    let release: () => void = () => undefined;
    const status = cachedStatus(
      async () => {
        probes += 1;
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        return up;
      },
      { clock },
    );
    const overlapping = [status(), status(), status()];
    release();
    expect(await Promise.all(overlapping)).toEqual([up, up, up]);
    expect(await status()).toEqual(up);
    expect(probes).toBe(1);
    clock.advance(2_000);
    const again = status();
    release();
    await again;
    expect(probes).toBe(2);
  });

  it('reports not ready with the last good counts when the probe fails (an unreachable database)', async () => {
    const clock = new FixedClock();
    let fail = false;
    const status = cachedStatus(
      async () => {
        if (fail) throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
        return up;
      },
      { clock },
    );
    expect(await status()).toEqual(up);
    fail = true;
    clock.advance(2_000);
    expect(await status()).toEqual({ ...up, ready: false });
  });
});
