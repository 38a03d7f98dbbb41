import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicies, PolicyError } from '../../../policies/load-policies.ts';

const source = join(import.meta.dirname, '../../../policies');

function copyWith(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'lotse-policies-'));
  for (const name of ['guardrails.yaml', 'pii.yaml', 'retention.yaml']) cpSync(join(source, name), join(dir, name));
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
    expect(() => loadPolicies(copyWith('guardrails.yaml', (text) => text.replace('clause: "DV KI § 9 Abs. 2"', 'clause: "DV KI § 99"')))).toThrowError(/unknown clause "DV KI § 99"/);
    expect(() => loadPolicies(copyWith('pii.yaml', (text) => text.replace('pattern: "\\\\b[\\\\w.+-]+@', 'pattern: "([')))).toThrowError(/not a valid regular expression/);
  });

  it('applies a dated tenant override and keeps older rule versions as history', () => {
    const dir = copyWith('guardrails.yaml', (text) =>
      text.replace('overrides: []', 'overrides:\n  - { tenant: "Kreis Nordheide", rule: personal-matter, action: allow, valid_from: 2026-01-01, reason: "Pilot mit eigener Beratungsstelle" }'),
    );
    const before = loadPolicies(dir, { today: '2025-12-31' });
    const after = loadPolicies(dir, { today: '2026-11-22' });
    expect(before.tenantRules.get('Kreis Nordheide')?.find((rule) => rule.id === 'personal-matter')?.action).toBe('refer');
    expect(after.tenantRules.get('Kreis Nordheide')?.find((rule) => rule.id === 'personal-matter')?.action).toBe('allow');
    expect(after.rules.find((rule) => rule.id === 'personal-matter')?.action).toBe('refer');
    expect(loadPolicies(dir, { today: '2024-01-01' }).rules).toEqual([]);
  });
});
