import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDirectory } from '../../../../bot/adapters/directory/load-directory.ts';
import { checkSender, reportingUnits, resolveAudience } from '../../../../bot/core/hr/resolve-audience.ts';
import { parseHrPolicy } from '../../../../policies/load-broadcasts.ts';
import { readFileSync } from 'node:fs';

const root = join(import.meta.dirname, '../../../..');
const directory = loadDirectory(join(root, 'test/fixtures/hr/directory.yaml'));
const policy = parseHrPolicy(readFileSync(join(root, 'policies/broadcasts.yaml'), 'utf8'));
const none = (): readonly string[] => [];

describe('resolveAudience', () => {
  it('reaches everybody for "all"', () => {
    expect(resolveAudience({ kind: 'all' }, directory, none)).toHaveLength(directory.people().length);
  });

  it('includes sub-units only when asked', () => {
    expect(resolveAudience({ kind: 'units', units: ['D1'], includeSubunits: false }, directory, none)).toEqual(['hr1', 'hr2', 'pr1']);
    expect(resolveAudience({ kind: 'units', units: ['D1'], includeSubunits: true }, directory, none)).toHaveLength(18);
    expect(resolveAudience({ kind: 'units', units: ['A12', 'A50'], includeSubunits: true }, directory, none)).toEqual([
      'c1',
      'c2',
      'd1',
      'd2',
    ]);
  });

  it('selects by role and by topic subscription', () => {
    expect(resolveAudience({ kind: 'roles', roles: ['hr', 'personalrat'] }, directory, none)).toEqual(['hr1', 'hr2', 'pr1']);
    expect(
      resolveAudience({ kind: 'topic', topic: 'fortbildung' }, directory, (topic) => (topic === 'fortbildung' ? ['b2', 'ghost'] : [])),
    ).toEqual(['b2']);
  });
});

describe('checkSender', () => {
  it('allows HR to address everyone', () => {
    expect(checkSender('hr1', { kind: 'all' }, directory, policy)).toBeUndefined();
  });

  it('refuses staff and names the reason', () => {
    expect(checkSender('a1', { kind: 'all' }, directory, policy)).toEqual({ kind: 'not_permitted', audience: 'all' });
    expect(checkSender('pr1', { kind: 'units', units: ['A10'], includeSubunits: true }, directory, policy)).toEqual({
      kind: 'not_permitted',
      audience: 'units',
    });
  });

  it('refuses unknown units, topics and senders', () => {
    expect(checkSender('hr1', { kind: 'units', units: ['X9'], includeSubunits: true }, directory, policy)).toEqual({
      kind: 'unknown_unit',
      unit: 'X9',
    });
    expect(checkSender('hr1', { kind: 'topic', topic: 'katzen' }, directory, policy)).toEqual({ kind: 'unknown_topic', topic: 'katzen' });
    expect(checkSender('nobody', { kind: 'all' }, directory, policy)).toEqual({ kind: 'unknown_sender' });
  });

  it('restricts unit audiences to the units of the rule', () => {
    const restricted = { ...policy, senders: [{ role: 'hr' as const, audiences: ['units' as const], units: ['A10'] }] };
    expect(checkSender('hr1', { kind: 'units', units: ['A10'], includeSubunits: true }, directory, restricted)).toBeUndefined();
    expect(checkSender('hr1', { kind: 'units', units: ['A11'], includeSubunits: true }, directory, restricted)).toEqual({
      kind: 'unit_not_permitted',
      unit: 'A11',
    });
  });
});

describe('reportingUnits', () => {
  it('folds units with fewer than k audience members into their parent', () => {
    const audience = resolveAudience({ kind: 'units', units: ['D1'], includeSubunits: true }, directory, none);
    expect(reportingUnits(audience, directory, 5)).toEqual({ A10: 'A10', A11: 'A11', A12: 'D1', D1: 'D1' });
  });

  it('never leaves a reporting unit with fewer than k audience members', () => {
    const audience = resolveAudience({ kind: 'all' }, directory, none);
    for (const k of [2, 3, 5, 7, 10, 30]) {
      const mapping = reportingUnits(audience, directory, k);
      const sizes = new Map<string, number>();
      for (const personId of audience) {
        const group = mapping[directory.person(personId)!.unit]!;
        sizes.set(group, (sizes.get(group) ?? 0) + 1);
      }
      for (const [group, size] of sizes)
        if (group !== '' || sizes.size > 1) expect(size, `k=${k} group=${group}`).toBeGreaterThanOrEqual(Math.min(k, audience.length));
    }
  });
});
