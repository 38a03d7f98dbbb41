/** The shared YAML reader of policies and directory: clear errors, linear duplicate-key check. */
import { describe, expect, it } from 'vitest';
import { parseYamlFile } from '../../../bot/adapters/yaml/parse-yaml.ts';

const fail = (message: string): Error => new Error(message);

describe('parseYamlFile', () => {
  it('returns the plain value of a valid file', () => {
    expect(parseYamlFile('version: 1\nrules:\n  - id: a\n', 'x.yaml', fail).data).toEqual({ version: 1, rules: [{ id: 'a' }] });
  });

  it('names file and line of a duplicate key, also in nested mappings', () => {
    expect(() => parseYamlFile('a: 1\nb:\n  c: 1\n  c: 2\n', 'x.yaml', fail)).toThrow('x.yaml:4: duplicate key "c"');
  });

  it('refuses an alias bomb and a syntax error with the file name', () => {
    const bomb =
      'a: &a [1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n';
    expect(() => parseYamlFile(bomb, 'x.yaml', fail)).toThrow(/^x\.yaml: Excessive alias count/);
    expect(() => parseYamlFile('a: "offen\n', 'x.yaml', fail)).toThrow(/^x\.yaml: Missing closing/);
  });

  it('refuses a policy file above 1 MB before parsing it', () => {
    expect(() => parseYamlFile('a: 1\n'.repeat(300_000), 'x.yaml', fail)).toThrow('x.yaml: file larger than 1024 KB, refused');
  });

  // Quadratic parsing of 100,000 keys takes minutes; the 20 s test limit catches it without a wall-clock assertion.
  it('reads 100,000 keys in linear time (the library check alone is quadratic)', { timeout: 20_000 }, () => {
    const text = Array.from({ length: 100_000 }, (_, index) => `k${index}: ${index}`).join('\n');
    const { data } = parseYamlFile(text, 'big.yaml', fail, 20 * 1024 * 1024);
    expect(Object.keys(data as object)).toHaveLength(100_000);
  });
});
