import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli-harness.ts';
import { repoRoot } from '../../support/real-app.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'lotse-hr-cli-'));
const env = {
  DIRECTORY_FILE: join(repoRoot, 'test/fixtures/hr/directory.yaml'),
  POLICIES_DIR: join(repoRoot, 'policies'),
  DATA_DIR: dataDir,
};
const hr = (...args: string[]) => runCli(['hr', ...args], { env, cwd: dataDir });

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('lotse hr', () => {
  it('creates, releases (four eyes), sends and reports a broadcast', async () => {
    const refused = await hr('broadcast', 'create', '--as', 'a1', '--title', 'Hallo', '--text', 'Text', '--audience', 'all');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('nicht anschreiben');
    const created = await hr(
      'broadcast',
      'create',
      '--as',
      'hr1',
      '--title',
      'Kasse',
      '--text',
      'Neue Öffnungszeiten',
      '--audience',
      'units:A12',
      '--ack',
    );
    expect(created.code).toBe(0);
    const id = created.stdout.split(/\s+/)[0]!;
    expect((await hr('broadcast', 'release', id, '--as', 'hr1')).stderr).toContain('Vier-Augen');
    expect((await hr('broadcast', 'release', id, '--as', 'hr2')).code).toBe(0);
    expect((await hr('broadcast', 'send', '--as', 'hr1')).stdout).toContain('gesendet 2');
    const report = await hr('broadcast', 'report', id, '--as', 'hr1', '--json');
    expect(JSON.parse(report.stdout)).toMatchObject({ recipients: 2, sent: 2, failed: 0 });
  });

  it('runs a survey through approval and prints k-anonymous CSV and SVG charts', async () => {
    writeFileSync(
      join(dataDir, 'umfrage.yaml'),
      [
        'title: Pulsbefragung',
        'audience: { kind: all }',
        `opensAt: "${new Date(Date.now() - 60_000).toISOString()}"`,
        `closesAt: "${new Date(Date.now() + 86_400_000).toISOString()}"`,
        'questions:',
        '  - { id: zufrieden, type: scale, text: "Wie zufrieden sind Sie?" }',
      ].join('\n'),
    );
    const created = await hr('survey', 'create', '--as', 'hr1', '--file', 'umfrage.yaml');
    const id = created.stdout.split(/\s+/)[0]!;
    expect((await hr('survey', 'open', id, '--as', 'hr1')).stderr).toContain('Personalrat');
    expect((await hr('survey', 'approve', id, '--as', 'pr1')).code).toBe(0);
    expect((await hr('survey', 'open', id, '--as', 'hr1')).code).toBe(0);
    // Results only after close (issue #18, item 9).
    expect((await hr('survey', 'results', id, '--as', 'pr1', '--csv')).code).toBe(1);
    expect((await hr('survey', 'close', id, '--as', 'hr1')).code).toBe(0);
    const results = await hr('survey', 'results', id, '--as', 'pr1', '--csv', '--svg', 'charts');
    expect(results.stdout).toContain('zufrieden;Gesamt;<5;;');
    expect(readdirSync(join(dataDir, 'charts'))).toEqual([]);
    expect((await hr('survey', 'results', id, '--as', 'a1')).code).toBe(1);
  });
});
