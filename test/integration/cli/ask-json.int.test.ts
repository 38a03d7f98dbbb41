import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli-harness.ts';

let root: string;
let folder: string;
let dataDir: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'lotse-cli-'));
  folder = join(root, 'docs');
  dataDir = join(root, 'data');
  mkdirSync(join(folder, 'da'), { recursive: true });
  writeFileSync(
    join(folder, 'da', 'mobiles-arbeiten.md'),
    '---\ntitle: Dienstanweisung Mobiles Arbeiten\ntype: dienstanweisung\ntenant: Kreis Musterland\nstand: 2025-03-01\n---\n\n' +
      '# Dienstanweisung Mobiles Arbeiten\n\n## § 3 Umfang\n\nBeschäftigte dürfen an höchstens drei Tagen pro Woche mobil arbeiten. ' +
      'Die Kernarbeitszeit von 9 bis 15 Uhr gilt auch beim mobilen Arbeiten.\n\n## § 4 Ausstattung\n\nDas Amt stellt einen Laptop und ein Headset bereit.\n',
  );
  writeFileSync(join(folder, 'notiz.txt'), 'Kantine\n\nDie Kantine im Kreishaus öffnet montags bis freitags um 11:30 Uhr.\n');
  const ingest = await runCli(['ingest', folder, '--data', dataDir]);
  expect(ingest.code, ingest.stderr).toBe(0);
  expect(ingest.stdout).toMatch(/2 added/);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const fields = ['question', 'outcome', 'answer', 'citations', 'retrieved', 'confidence', 'rules', 'latencyMs'];

describe('lotse ask --json', () => {
  it('writes one object with exactly the documented fields per stdin line, in input order', async () => {
    const stdin =
      'Wie viele Tage pro Woche darf ich mobil arbeiten?\n\nWann öffnet die Kantine?\nWie hoch ist die Hundesteuer für einen Dackel?\n';
    const run = await runCli(['ask', '--json', '--data', dataDir, '--top', '3'], { stdin });
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => line.question)).toEqual([
      'Wie viele Tage pro Woche darf ich mobil arbeiten?',
      'Wann öffnet die Kantine?',
      'Wie hoch ist die Hundesteuer für einen Dackel?',
    ]);
    for (const line of lines) expect(Object.keys(line)).toEqual(fields);
    const [mobile, canteen, dogTax] = lines as [Record<string, unknown>, Record<string, unknown>, Record<string, unknown>];
    expect(mobile.outcome).toBe('answered');
    expect(mobile.answer).toContain('drei Tagen');
    expect(mobile.citations).toEqual([
      expect.objectContaining({ document: 'da/mobiles-arbeiten.md', title: 'Dienstanweisung Mobiles Arbeiten', stand: '2025-03-01' }),
    ]);
    expect((mobile.retrieved as unknown[]).length).toBeLessThanOrEqual(3);
    expect(canteen.outcome).toBe('answered');
    expect(dogTax.outcome).toBe('no_answer');
    expect(dogTax.answer).toContain('nichts Verlässliches');
    expect(Array.isArray(dogTax.retrieved)).toBe(true);
  });

  it('answers unreadable lines with a German error and keeps going', async () => {
    const junk = Buffer.concat([
      Buffer.from('\u0001\u0002\u0003binär\n'),
      Buffer.from([0x57, 0x69, 0xff, 0xfe, 0x0a]),
      Buffer.from(`${'x'.repeat(2500)}\nWann öffnet die Kantine?\n`),
    ]);
    const run = await runCli(['ask', '--json', '--data', dataDir], { stdin: junk });
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { outcome: string; answer: string });
    expect(lines.map((line) => line.outcome)).toEqual(['refused', 'refused', 'refused', 'answered']);
    expect(lines[0]?.answer).toContain('Steuerzeichen');
    expect(lines[1]?.answer).toContain('UTF-8');
    expect(lines[2]?.answer).toContain('zu lang');
  });

  it('prints a German answer with numbered sources for people', async () => {
    const run = await runCli(['ask', '--data', dataDir, 'Welche Ausstattung stellt das Amt bereit?']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Laptop');
    expect(run.stdout).toMatch(/Quellen:\n\[1\] Dienstanweisung Mobiles Arbeiten – .*§ 4 Ausstattung/);
    expect(run.stdout).toContain('Automatisch erstellte Antwort');
  });

  it('skips an unchanged corpus on re-ingest', async () => {
    const run = await runCli(['ingest', folder, '--data', dataDir]);
    expect(run.stdout).toMatch(/0 added, 0 updated, 2 unchanged/);
  });

  it('rejects usage errors with exit code 2', async () => {
    expect((await runCli(['ask', '--top', 'viele', 'Frage?'])).code).toBe(2);
    expect((await runCli(['frobnicate'])).code).toBe(2);
  });
});

describe('guardrails in ask --json', () => {
  it('refuses a decision about a person with rule and clause, and never echoes the name', async () => {
    const run = await runCli(['ask', '--json', '--data', dataDir], {
      stdin: 'Soll ich Frau Meier einstellen?\nMeine IBAN ist DE89 3704 0044 0532 0130 00 – wo trage ich sie ein?\n',
    });
    const [decision, iban] = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { outcome: string; question: string; rules: unknown[] });
    expect(decision).toMatchObject({
      outcome: 'refused',
      question: 'Soll ich [NAME] einstellen?',
      rules: [
        { id: 'person-decision', clause: 'DV KI § 4 Abs. 1', action: 'refuse' },
        { id: 'pii-name', action: 'redact' },
      ],
    });
    expect(iban?.question).toBe('Meine IBAN ist [IBAN] – wo trage ich sie ein?');
    expect(run.stdout).not.toContain('Meier');
  });
});

describe('lotse audit', () => {
  it('verifies the chain written by the questions above and prints a suppressed weekly report', async () => {
    const verify = await runCli(['audit', 'verify', '--data', dataDir]);
    expect(verify.code, verify.stderr).toBe(0);
    expect(verify.stdout).toMatch(/Audit chain intact: \d+ record/);
    const report = await runCli(['audit', 'report', '--json', '--data', dataDir]);
    const weeks = JSON.parse(report.stdout) as { week: string; turns: number | null }[];
    expect(weeks.length).toBeGreaterThan(0);
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(join(dataDir, 'lotse.db')).toString('latin1')).not.toContain('Meier');
  });
});

describe('lotse audit reidentify', () => {
  it('takes requests, but approvals only in the console (issue #18, item 12), and audits each step', async () => {
    const { createHmac } = await import('node:crypto');
    const { readFileSync } = await import('node:fs');
    const key = readFileSync(join(dataDir, 'audit.key'), 'utf8').trim();
    const pseudonym = createHmac('sha256', key).update('cli').digest('hex').slice(0, 32);
    const tooShort = await runCli(['audit', 'reidentify', '--data', dataDir, '--request', pseudonym, '--reason', 'kurz']);
    expect(JSON.parse(tooShort.stdout)).toEqual({ kind: 'refused', reason: 'reason_missing' });
    const request = JSON.parse(
      (
        await runCli([
          'audit',
          'reidentify',
          '--data',
          dataDir,
          '--request',
          pseudonym,
          '--reason',
          'Verdacht auf Missbrauch, Vorgang 12/2026',
          '--by',
          'p-frank',
        ])
      ).stdout,
    ) as { kind: string; id: number };
    expect(request.kind).toBe('requested');
    // A free-text --by can name anyone: approvals come from logged-in role holders in the console.
    const approve = await runCli([
      'audit',
      'reidentify',
      '--data',
      dataDir,
      '--approve',
      String(request.id),
      '--role',
      'dsb',
      '--by',
      'p-dana',
    ]);
    expect(approve.code).toBe(1);
    expect(approve.stderr).toContain('/konsole/reidentifizierung');
    const report = (await runCli(['audit', 'verify', '--data', dataDir])).stdout;
    expect(report).toMatch(/intact/);
  });
});
