/**
 * `.env.example` works as it is documented to be used (systemd `EnvironmentFile`, `docker run --env-file`): its active
 * lines load, setting `MICROSOFT_APP_ID` alone turns Teams on, and every variable it names is one of the configuration
 * schemas' (docs/reference/configuration.md, issue #21).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../bot/config/config.ts';
import { runtimeVariables } from '../../../scripts/reference/configuration-sections.ts';

const root = resolve(import.meta.dirname, '../../..');
const example = readFileSync(join(root, '.env.example'), 'utf8');

/** The variables an env file sets: `NAME=value` lines, as systemd and docker read them. */
function activeLines(text: string): Record<string, string> {
  return Object.fromEntries([...text.matchAll(/^([A-Z][A-Z0-9_]*)=(.*)$/gm)].map((match) => [match[1]!, match[2]!]));
}

describe('.env.example', () => {
  it('loads as an env file without an invalid value', () => {
    const config = loadConfig(activeLines(example), {}, '/srv/lotse');
    expect(config.teams.enabled).toBe(false);
    expect(config.xmpp).toBeUndefined();
    expect(config.llm.provider).toBe('none');
  });

  it('turns Teams on once the app registration is filled in', () => {
    const env = {
      ...activeLines(example),
      MICROSOFT_APP_ID: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
      MICROSOFT_APP_PASSWORD: 'secret-from-entra',
      MICROSOFT_APP_TENANT_ID: 'b1c2d3e4-0000-4000-8000-000000000000',
      HOST: '0.0.0.0',
    };
    expect(loadConfig(env, {}, '/srv/lotse').teams.enabled).toBe(true);
  });

  it('names only configuration variables (docs/reference/configuration.md)', () => {
    const known = runtimeVariables();
    const named = [...example.matchAll(/^#?\s?([A-Z][A-Z0-9_]{2,})=/gm)].map((match) => match[1]!);
    expect(named.length).toBeGreaterThan(40);
    expect(
      named.filter((name) => !known.has(name)),
      'not read by lotse: fix the name, or add it to a schema in bot/config/ and run `npm run docs:reference`',
    ).toEqual([]);
  });

  it('names every configuration variable, commented out where the default fits', () => {
    const named = new Set([...example.matchAll(/^#?\s?([A-Z][A-Z0-9_]{2,})=/gm)].map((match) => match[1]!));
    expect(
      [...runtimeVariables()].filter((name) => !named.has(name)),
      'add a `# NAME=default` line with a comment to .env.example (see docs/reference/configuration.md)',
    ).toEqual([]);
  });
});
