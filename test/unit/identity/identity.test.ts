import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAuthConfig } from '../../../bot/config/auth-config.ts';
import { principalFromClaims } from '../../../bot/core/identity/principal-from-claims.ts';
import { checkUploadName } from '../../../bot/http/console/upload.ts';
import { safeReturnTo } from '../../../bot/http/auth/auth-deps.ts';
import { loadDirectory } from '../../../bot/adapters/directory/load-directory.ts';
import { loadRolePolicy } from '../../../policies/load-roles.ts';
import { repoRoot } from '../../support/real-app.ts';

const policy = loadRolePolicy(join(repoRoot, 'policies'));
const directory = loadDirectory(join(repoRoot, 'knowledge/directory/musterland.yaml'));
const pseudonym = (sub: string): string => `oidc-${sub.length}`;

describe('login configuration', () => {
  it('uses the development login only when AUTH_MODE=dev is set, and refuses it off loopback', () => {
    expect(parseAuthConfig({}, '127.0.0.1')).toEqual({ mode: 'none' });
    expect(parseAuthConfig({ AUTH_MODE: 'dev' }, '127.0.0.1')).toEqual({ mode: 'dev' });
    expect(() => parseAuthConfig({ AUTH_MODE: 'dev' }, '0.0.0.0')).toThrow(/refuses to run on 0\.0\.0\.0/);
    expect(() => parseAuthConfig({ AUTH_MODE: 'dev' }, '10.1.2.3')).toThrow(/AUTH_MODE=dev/);
  });

  it('needs https for the issuer unless explicitly allowed on loopback', () => {
    const base = {
      OIDC_ISSUER: 'http://idp.kreis.example',
      OIDC_CLIENT_ID: 'lotse',
      OIDC_REDIRECT_URL: 'https://lotse.kreis.example/auth/callback',
    };
    expect(() => parseAuthConfig(base, '0.0.0.0')).toThrow(/OIDC_ISSUER must use https/);
    expect(() => parseAuthConfig({ ...base, OIDC_ALLOW_HTTP: 'true' }, '0.0.0.0')).toThrow(/OIDC_ISSUER must use https/);
    const config = parseAuthConfig({ ...base, OIDC_ISSUER: 'https://idp.kreis.example' }, '0.0.0.0');
    expect(config.mode).toBe('oidc');
    expect(() => parseAuthConfig({ OIDC_ISSUER: 'https://idp.kreis.example' }, '0.0.0.0')).toThrow(
      /needs OIDC_REDIRECT_URL|needs OIDC_CLIENT_ID/,
    );
  });
});

describe('principal from claims', () => {
  it('finds the directory person by verified e-mail (or oid) and unites group, default and directory roles', () => {
    const principal = principalFromClaims(
      { sub: 'x', email: 'Frank.Wagner@musterland.example', email_verified: true, groups: ['lotse-personalrat', 'unbekannt'] },
      { policy, directory, pseudonym },
    );
    expect(principal.personId).toBe('p-frank');
    expect(principal.userId).toBe('p-frank');
    expect(principal.roles).toEqual(['admin', 'owner', 'personalrat', 'staff']);
  });

  it('gives an unknown person a pseudonym and only mapped roles', () => {
    const principal = principalFromClaims(
      { sub: 'abc', email: 'neu@example.org', name: 'Neue Person', groups: 'lotse-it-betrieb' },
      { policy, directory, pseudonym },
    );
    expect(principal).toMatchObject({ userId: 'oidc-3', displayName: 'Neue Person', roles: ['admin', 'staff'] });
    expect(principal.personId).toBeUndefined();
  });
});

describe('role policy file', () => {
  it('names the line of an unknown role', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lotse-roles-'));
    writeFileSync(
      join(dir, 'roles.yaml'),
      'version: "1"\ngroups:\n  a: [lotse]\n  b: [chef]\nsession: { idle_minutes: 30, absolute_hours: 8 }\n',
    );
    expect(() => loadRolePolicy(dir)).toThrow(/roles\.yaml:4 groups\.b\.0/);
  });
});

describe('request checks', () => {
  it('accepts only plain file names with a supported extension', () => {
    expect(checkUploadName('Dienstanweisung Telearbeit 2026.pdf')).toBeUndefined();
    for (const name of ['../etc/passwd.md', '.versteckt.md', 'ordner/datei.md', 'programm.exe', 'a..md'])
      expect(checkUploadName(name)).toBeDefined();
  });

  it('follows only local paths after login', () => {
    expect(safeReturnTo('/konsole/tickets')).toBe('/konsole/tickets');
    for (const target of ['//evil.example/', 'https://evil.example', '/\\evil', undefined]) expect(safeReturnTo(target)).toBe('/konsole');
  });
});
