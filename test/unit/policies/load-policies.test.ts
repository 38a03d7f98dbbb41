import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicies, PolicyError } from '../../../policies/load-policies.ts';

const source = join(import.meta.dirname, '../../../policies');

function copyWith(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'lotse-policies-'));
  for (const name of ['guardrails.yaml', 'pii.yaml', 'pii-first-names.txt', 'retention.yaml', 'lexicon.yaml'])
    cpSync(join(source, name), join(dir, name));
  writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
  return dir;
}

describe('loadPolicies', () => {
  it('loads the shipped policies with every rule tied to a declared clause', () => {
    const policies = loadPolicies(source, { today: '2026-11-22' });
    expect(policies.rules.map((rule) => rule.id)).toContain('person-decision');
    expect(policies.retentionDays.security).toBe(730);
  });

  it('names file, line and field of an invalid action', () => {
    const dir = copyWith('guardrails.yaml', (text) => text.replace('action: refer', 'action: ignore'));
    expect(() => loadPolicies(dir)).toThrowError(PolicyError);
    expect(() => loadPolicies(dir)).toThrowError(/guardrails\.yaml:\d+ rules\.\d+\.action/);
  });

  it('rejects an unknown clause reference and a broken regular expression', () => {
    expect(() =>
      loadPolicies(copyWith('guardrails.yaml', (text) => text.replace('clause: "DV KI § 9 Abs. 2"', 'clause: "DV KI § 99"'))),
    ).toThrowError(/unknown clause "DV KI § 99"/);
    expect(() => loadPolicies(copyWith('pii.yaml', (text) => text.replace('pattern: "\\\\b[\\\\w.+-]+@', 'pattern: "([')))).toThrowError(
      /not a valid regular expression/,
    );
  });

  it('applies a dated tenant override and keeps older rule versions as history', () => {
    const dir = copyWith('guardrails.yaml', (text) =>
      text.replace(
        'overrides: []',
        'overrides:\n  - { tenant: "Kreis Nordheide", rule: personal-matter, action: allow, valid_from: 2026-01-01, reason: "Pilot mit eigener Beratungsstelle" }',
      ),
    );
    const before = loadPolicies(dir, { today: '2025-12-31' });
    const after = loadPolicies(dir, { today: '2026-11-22' });
    expect(before.tenantRules.get('Kreis Nordheide')?.find((rule) => rule.id === 'personal-matter')?.action).toBe('refer');
    expect(after.tenantRules.get('Kreis Nordheide')?.find((rule) => rule.id === 'personal-matter')?.action).toBe('allow');
    expect(after.rules.find((rule) => rule.id === 'personal-matter')?.action).toBe('refer');
    expect(loadPolicies(dir, { today: '2024-01-01' }).rules).toEqual([]);
  });
});

describe('loadPolicies: scored detection, history and dated overrides', () => {
  it('names file and line of an unknown word class and of an unknown class reference', () => {
    const dir = copyWith('guardrails.yaml', (text) => text.replace('all: [stealth]', 'all: [stelth]'));
    expect(() => loadPolicies(dir)).toThrowError(
      /guardrails\.yaml:\d+ rules\.\d+\.versions\.1\.detect\.features\.1: unknown word class "stelth"/,
    );
    const lexicon = copyWith('lexicon.yaml', (text) => text.replace('"@named-person"', '"@named-persons"'));
    expect(() => loadPolicies(lexicon)).toThrowError(/lexicon\.yaml:\d+ classes\.[a-z-]+\.0: unknown word class "@named-persons"/);
  });

  it('rejects two versions of a rule starting on the same day and a duplicate rule id', () => {
    const dates = copyWith('guardrails.yaml', (text) => text.replace(/valid_from: 2026-12-03/, 'valid_from: 2025-07-01'));
    expect(() => loadPolicies(dates)).toThrowError(/versions\.1\.valid_from: two versions of "hide-traces" start on 2025-07-01/);
    const ids = copyWith('guardrails.yaml', (text) => text.replace('id: unauthorized-access', 'id: hide-traces'));
    expect(() => loadPolicies(ids)).toThrowError(/duplicate rule id "hide-traces"/);
  });

  it('keeps every version as history and switches to the scored version on its date', () => {
    const before = loadPolicies(source, { today: '2026-12-02' });
    const after = loadPolicies(source, { today: '2026-12-03' });
    expect(before.rules.find((rule) => rule.id === 'person-decision')?.detection).toBeUndefined();
    expect(after.rules.find((rule) => rule.id === 'person-decision')?.detection?.threshold).toBe(1);
    expect(after.history?.filter((entry) => entry.rule === 'person-decision')).toEqual([
      { rule: 'person-decision', clause: 'DV KI § 4 Abs. 1', validFrom: '2025-07-01', inForce: false, scored: false },
      { rule: 'person-decision', clause: 'DV KI § 4 Abs. 1', validFrom: '2026-12-03', inForce: true, scored: true },
    ]);
    expect(after.version).toMatch(/^2026-12-11\.5\+2026-12-10\.2\+2026-12-12\.1$/);
  });

  it('applies a tenant override only between valid_from and valid_to and records it on the rule', () => {
    const dir = copyWith('guardrails.yaml', (text) =>
      text.replace(
        'overrides: []',
        'overrides:\n  - { tenant: "Kreis Nordheide", rule: personal-matter, action: allow, valid_from: 2026-01-01, valid_to: 2026-06-30, reason: "Pilot mit eigener Beratungsstelle" }',
      ),
    );
    const rule = (today: string) =>
      loadPolicies(dir, { today })
        .tenantRules.get('Kreis Nordheide')
        ?.find((entry) => entry.id === 'personal-matter');
    expect(rule('2026-03-01')).toMatchObject({
      action: 'allow',
      override: { tenant: 'Kreis Nordheide', validFrom: '2026-01-01', reason: 'Pilot mit eigener Beratungsstelle' },
    });
    expect(rule('2026-07-01')?.action).toBe('refer');
    expect(rule('2026-07-01')?.override).toBeUndefined();
    const reversed = copyWith('guardrails.yaml', (text) =>
      text.replace(
        'overrides: []',
        'overrides:\n  - { tenant: "Kreis Nordheide", rule: personal-matter, action: allow, valid_from: 2026-01-01, valid_to: 2025-06-30, reason: "Pilot mit eigener Beratungsstelle" }',
      ),
    );
    expect(() => loadPolicies(reversed)).toThrowError(/overrides\.0\.valid_to: ends before it starts/);
  });

  it('refuses an override without a documented reason (a county loosens a rule only explicitly)', () => {
    const dir = copyWith('guardrails.yaml', (text) =>
      text.replace(
        'overrides: []',
        'overrides:\n  - { tenant: "Kreis Nordheide", rule: person-decision, action: allow, valid_from: 2026-01-01, reason: "" }',
      ),
    );
    expect(() => loadPolicies(dir)).toThrowError(/overrides\.0\.reason: an override needs a documented reason/);
  });
});

describe('loadPolicies: lexicon file', () => {
  it('names file and line of an invalid class', () => {
    const dir = copyWith('lexicon.yaml', (text) =>
      text.replace('  negation: [nicht, kein, keine, keinen, keiner, nie, niemals]', '  Negation: []'),
    );
    expect(() => loadPolicies(dir)).toThrowError(/lexicon\.yaml:\d+ classes\.Negation/);
  });
});
