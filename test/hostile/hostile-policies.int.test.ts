/**
 * Issue #11: hostile policy files. Every shipped YAML policy is replaced in a temp copy of `policies/` by
 * a broken variant (syntax error, alias bomb, wrong top-level type, empty, binary, huge). `lotse ask`
 * must refuse to start with a message that names the file, exit 1, never print a stack trace, and finish
 * quickly; the untouched folder still works afterwards.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../bot/cli/main.ts';
import { repoRoot } from '../support/real-app.ts';

const files = ['guardrails.yaml', 'lexicon.yaml', 'pii.yaml', 'retention.yaml', 'escalation.yaml', 'broadcasts.yaml'];

const aliasBomb = [
  'a: &a ["x","x","x","x","x","x","x","x","x"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  'g: [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
].join('\n');

const variants: Record<string, string | Buffer> = {
  'syntax error': 'version: "2026-12\nrules: [\n',
  'alias bomb': aliasBomb,
  'list instead of mapping': '- eins\n- zwei\n',
  scalar: 'nur ein Satz\n',
  'empty file': '',
  'binary garbage': Buffer.from(Array.from({ length: 2048 }, (_, index) => (index * 131 + 7) % 256)),
  'tab indentation': 'version: 1\nrules:\n\t- id: x\n',
  'duplicate key': 'version: 1\nversion: 2\n',
  'huge file (5 MB of keys)': Array.from({ length: 200_000 }, (_, index) => `k${index}: ${index}`).join('\n'),
};

async function runAsk(policiesDir: string, dataDir: string): Promise<{ code: number; stderr: string; ms: number }> {
  let stderr = '';
  const started = performance.now();
  const io = {
    stdout: () => undefined,
    stderr: (text: string) => void (stderr += text),
    env: { POLICIES_DIR: policiesDir, DATA_DIR: dataDir, LOG_LEVEL: 'error', LOTSE_TODAY: '2026-11-23' },
    cwd: repoRoot,
    interactive: false,
  };
  const code = await main(['ask', 'Wie beantrage ich Urlaub?'], io as never);
  return { code, stderr, ms: performance.now() - started };
}

describe('hostile policy files', () => {
  const dirs: string[] = [];
  const temp = (prefix: string): string => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const dataDir = temp('lotse-hostile-policy-data-');

  it('refuses to start with a message naming the file for every broken variant of every policy file', async () => {
    const failures: string[] = [];
    let cases = 0;
    for (const file of files) {
      for (const [name, content] of Object.entries(variants)) {
        cases += 1;
        const dir = temp('lotse-hostile-policies-');
        cpSync(join(repoRoot, 'policies'), dir, { recursive: true });
        writeFileSync(join(dir, file), content);
        const result = await runAsk(dir, dataDir);
        const problems = [
          result.code !== 1 && `exit ${result.code}`,
          !result.stderr.includes(file) && 'file not named',
          /\n\s+at .+:\d+:\d+/.test(result.stderr) && 'stack trace',
          result.ms > 10_000 && `took ${Math.round(result.ms)} ms`,
        ].filter(Boolean);
        if (problems.length) failures.push(`${file} / ${name}: ${problems.join(', ')}\n    ${result.stderr.split('\n')[0]?.slice(0, 200)}`);
      }
    }
    console.log(`hostile policies: ${cases} cases, ${cases - failures.length} refused cleanly`);
    expect(failures).toEqual([]);
    const healthy = await runAsk(join(repoRoot, 'policies'), dataDir);
    expect(healthy.code).toBe(0);
  }, 300_000);
});
