import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../bot/config/config.ts';

describe('SHUTDOWN_DRAIN_S', () => {
  it('defaults to 10 s and accepts seconds (also fractions and 0)', () => {
    expect(loadConfig({}, {}, '/srv/lotse').shutdownDrainMs).toBe(10_000);
    expect(loadConfig({ SHUTDOWN_DRAIN_S: '2.5' }, {}, '/srv/lotse').shutdownDrainMs).toBe(2500);
    expect(loadConfig({ SHUTDOWN_DRAIN_S: '0' }, {}, '/srv/lotse').shutdownDrainMs).toBe(0);
  });

  it('names the variable for negative or absurd values', () => {
    expect(() => loadConfig({ SHUTDOWN_DRAIN_S: '-1' }, {}, '/srv/lotse')).toThrow(ConfigError);
    expect(() => loadConfig({ SHUTDOWN_DRAIN_S: 'bald' }, {}, '/srv/lotse')).toThrow(/SHUTDOWN_DRAIN_S/);
    expect(() => loadConfig({ SHUTDOWN_DRAIN_S: '3600' }, {}, '/srv/lotse')).toThrow(/SHUTDOWN_DRAIN_S/);
  });
});
