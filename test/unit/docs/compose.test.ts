/**
 * compose.yaml (the pilot: lotse + PostgreSQL + Prosody, docs/operations/container.md) stays in step with the code
 * without Docker: the three services with healthchecks (lotse on /readyz), lotse's DATABASE_URL and XMPP_SERVICE
 * pointing at the compose services, every variable lotse gets being a valid configuration variable, and named
 * volumes for the state. test/integration/ops/compose.int.test.ts checks more where Docker or Prosody is installed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { z } from 'zod';
import { loadConfig } from '../../../bot/config/config.ts';
import { configurationSections } from '../../../scripts/reference/configuration-sections.ts';

const root = resolve(import.meta.dirname, '../../..');
const composeText = readFileSync(join(root, 'compose.yaml'), 'utf8');

interface Service {
  readonly build?: string;
  readonly image?: string;
  readonly env_file?: string | readonly string[];
  readonly environment?: Record<string, string>;
  readonly volumes?: readonly string[];
  readonly depends_on?: Record<string, { condition: string }>;
  readonly healthcheck?: { readonly test: readonly string[] };
  readonly stop_grace_period?: string;
}

/** compose.yaml with `${NAME:?message}`, `${NAME:-default}` and `${NAME}` replaced as compose would from `.env`. */
function composeWith(values: Record<string, string>): { services: Record<string, Service>; volumes: Record<string, unknown> } {
  const interpolated = composeText.replace(/\$\{([A-Z_][A-Z0-9_]*)(?::?[?-][^}]*)?\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`compose.yaml needs ${name}, which the test does not set`);
    return value;
  });
  return parse(interpolated) as { services: Record<string, Service>; volumes: Record<string, unknown> };
}

const compose = composeWith({ POSTGRES_PASSWORD: 'pilot-secret', XMPP_DOMAIN: 'pilot.kreis.example' });
const { lotse, postgres, prosody } = compose.services as Record<string, Service>;
const lotseEnv = lotse?.environment ?? {};

/** The schema field that validates `name` in a runtime section, if any. */
function fieldOf(name: string): z.ZodType | undefined {
  for (const section of configurationSections.filter((candidate) => candidate.runtime)) {
    const field = (section.schema.shape as Record<string, z.ZodType>)[name];
    if (field) return field;
  }
  return undefined;
}

describe('compose.yaml', () => {
  it('runs lotse, PostgreSQL and Prosody, each with a healthcheck; lotse waits for both to be healthy', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['lotse', 'postgres', 'prosody']);
    for (const service of [lotse, postgres, prosody]) expect(service?.healthcheck?.test[0]).toBe('CMD');
    expect(lotse?.healthcheck?.test.join(' ')).toMatch(/http:\/\/127\.0\.0\.1:3978\/readyz/);
    expect(postgres?.healthcheck?.test).toContain('pg_isready');
    expect(lotse?.depends_on).toEqual({ postgres: { condition: 'service_healthy' }, prosody: { condition: 'service_healthy' } });
  });

  it('builds lotse from the Dockerfile and takes its configuration from .env', () => {
    expect(lotse?.build).toBe('.');
    expect(existsSync(join(root, 'Dockerfile'))).toBe(true);
    expect([lotse?.env_file].flat()).toEqual(['.env']);
    expect(lotseEnv['PORT']).toBe('3978');
    const drainSeconds = loadConfig({}, {}, '/opt/lotse').shutdownDrainMs / 1000;
    expect(Number(/^(\d+)s$/.exec(lotse?.stop_grace_period ?? '')?.[1])).toBeGreaterThan(drainSeconds);
  });

  it("points lotse's DATABASE_URL at the postgres service, its user, password and database", () => {
    const url = new URL(lotseEnv['DATABASE_URL'] ?? '');
    expect(url.protocol).toBe('postgres:');
    expect(url.hostname).toBe('postgres');
    expect(url.port).toBe('5432');
    expect(url.username).toBe(postgres?.environment?.['POSTGRES_USER']);
    expect(url.password).toBe(postgres?.environment?.['POSTGRES_PASSWORD']);
    expect(url.pathname).toBe(`/${postgres?.environment?.['POSTGRES_DB']}`);
  });

  it('points XMPP_SERVICE at the prosody service, whose config serves XMPP_DOMAIN with TLS', () => {
    expect(lotseEnv['XMPP_SERVICE']).toBe('xmpp://prosody:5222');
    expect(prosody?.environment?.['XMPP_DOMAIN']).toBe(lotseEnv['XMPP_DOMAIN']);
    const mount = prosody?.volumes?.find((volume) => volume.endsWith(':/etc/prosody/prosody.cfg.lua:ro'));
    const configFile = join(root, mount?.split(':')[0] ?? 'missing');
    expect(existsSync(configFile)).toBe(true);
    const config = readFileSync(configFile, 'utf8');
    expect(config).toMatch(/^VirtualHost \(ENV_XMPP_DOMAIN\)$/m);
    expect(config).toMatch(/^c2s_ports = \{ 5222 \}$/m);
    expect(config).toMatch(/^c2s_require_encryption = true$/m);
    expect(lotse?.volumes).toContainEqual(`./pilot/certs/ca.pem:${lotseEnv['XMPP_CA_FILE']}:ro`);
  });

  it('sets only configuration variables, each valid for its schema', () => {
    const problems = Object.entries(lotseEnv).flatMap(([name, value]) => {
      const field = fieldOf(name);
      if (!field) return [`${name}: not a configuration variable (docs/reference/configuration.md)`];
      const parsed = field.safeParse(value);
      return parsed.success ? [] : [`${name}=${value}: ${parsed.error.issues[0]?.message}`];
    });
    expect(problems).toEqual([]);
  });

  it('keeps the state of every service on a declared named volume', () => {
    const named = (service: Service | undefined, target: string) =>
      service?.volumes?.find((volume) => volume.endsWith(`:${target}`))?.split(':')[0];
    const state = [
      named(lotse, lotseEnv['DATA_DIR'] ?? ''),
      named(lotse, lotseEnv['KNOWLEDGE_DIR'] ?? ''),
      named(postgres, '/var/lib/postgresql/data'),
      named(prosody, '/var/lib/prosody'),
    ];
    expect(state.every((volume) => volume !== undefined && !volume.startsWith('.'))).toBe(true);
    expect(Object.keys(compose.volumes).sort()).toEqual([...(state as string[])].sort());
  });
});
