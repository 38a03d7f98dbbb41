import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../bot/config/config.ts';

describe('DATABASE_URL', () => {
  it('selects PostgreSQL when set and SQLite otherwise', () => {
    expect(loadConfig({}, {}, '/srv/lotse').databaseUrl).toBeUndefined();
    expect(loadConfig({ DATABASE_URL: 'postgres://lotse@db:5432/lotse' }, {}, '/srv/lotse').databaseUrl).toBe(
      'postgres://lotse@db:5432/lotse',
    );
  });

  it('names the variable when the value is not a PostgreSQL URL', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://db/lotse' }, {}, '/srv/lotse')).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://db/lotse' }, {}, '/srv/lotse')).toThrow(/DATABASE_URL/);
  });
});
