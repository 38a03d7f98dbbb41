import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHrPolicy } from '../../../policies/load-broadcasts.ts';

const text = readFileSync(join(import.meta.dirname, '../../../policies/broadcasts.yaml'), 'utf8');

describe('parseHrPolicy', () => {
  it('reads the shipped policy with k = 5 and four eyes', () => {
    const policy = parseHrPolicy(text);
    expect(policy.k).toBe(5);
    expect(policy.fourEyes).toBe(true);
    expect(policy.ratePerSecond.teams).toBe(30);
  });

  it('defaults k to 5 when it is missing', () => {
    expect(parseHrPolicy(text.replace(/^k: 5\n/m, '')).k).toBe(5);
  });

  it('names the invalid field', () => {
    expect(() => parseHrPolicy(text.replace('role: hr,', 'role: chef,'))).toThrow(/senders\.0\.role/);
    expect(() => parseHrPolicy(text.replace('k: 5', 'k: 1'))).toThrow(/k:/);
    expect(() => parseHrPolicy(text.replace('audiences: [all, units, roles, topic]', 'audiences: [everyone]'))).toThrow(
      /senders\.0\.audiences\.0/,
    );
  });
});
