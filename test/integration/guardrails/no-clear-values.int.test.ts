/**
 * Issue #17: after sensitive questions went through the real app (createLotse, the path of CLI, web, Teams and
 * Jabber), no personal value is found anywhere under the data dir — neither in the conversation, the audit log
 * nor any other file — and refusals of case data offer no Digitallotse hand-over and create no ticket.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLotse } from '../../../bot/app/create-lotse.ts';
import { loadConfig } from '../../../bot/config/config.ts';
import { silentLogger } from '../../../bot/shared/logger.ts';
import { repoRoot } from '../../support/real-app.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'lotse-no-clear-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Questions (as staff would type them) and the personal values in them. */
const cases: readonly { readonly text: string; readonly values: readonly string[] }[] = [
  {
    text: 'Trag mal die Steuer-ID 12 345 678 901 von Frau Quokkara in das Erstattungsformular ein',
    values: ['12 345 678 901', 'Quokkara'],
  },
  {
    text: 'Passt die IBAN DE44 5001 0517 5407 3249 31 von Herrn Jonas Quokkmann, Lindenweg 7, 47533 Kleve, zu seiner Erstattung?',
    values: ['DE44 5001', 'Quokkmann', 'Lindenweg 7', '47533'],
  },
  // Values long enough not to turn up by chance in random ids, keys and binary index files (a 4-digit one did).
  {
    text: 'Schreib den Bescheid für Familie Quokkowski, geb. 12.03.1977, Az. 50.3-2025/447193, fertig',
    values: ['Quokkowski', '12.03.1977', '447193'],
  },
  { text: 'Hab 2 Bewerbungen (Quokkel, Quokkanen) – wem soll ich absagen?', values: ['Quokkel', 'Quokkanen'] },
  { text: 'Wo trage ich für Herrn Quokkberg die Reisekosten ein? Kennzeichen KLE-QK 42', values: ['Quokkberg', 'KLE-QK'] },
  // Bare, lower-case surnames of people in the directory (Nina Hoffmann, Marek Nowak: knowledge/directory/musterland.yaml);
  // the second question is answered, not refused, so only the masking keeps the surname out of the data dir.
  { text: 'hat hoffmann aus amt 10 schon geantwortet', values: ['hoffmann'] },
  { text: 'wo finde ich das formular für die dienstreise, das nowak erwähnt hat?', values: ['nowak'] },
];

function filesBelow(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? filesBelow(join(dir, name)) : [join(dir, name)]));
}

describe('personal values after real turns', () => {
  it('are nowhere under the data dir, and case data gets no hand-over', async () => {
    const lotse = await createLotse(loadConfig({ LOTSE_TODAY: '2026-12-06' }, { dataDir }, repoRoot), silentLogger);
    const results = [];
    let escalation;
    try {
      for (const { text } of cases) results.push(await lotse.chat.handleTurn({ channel: 'web', userId: 'u-quokka', text }));
      // Asking for a Lotse anyway (Jabber "lotse", a replayed Teams card): referred, no ticket.
      escalation = await lotse.escalation.escalate({
        userId: 'u-quokka',
        conversationId: results[1]!.conversationId,
        channel: 'web',
        reason: 'user_request',
      });
    } finally {
      await lotse.close();
    }
    expect(results.slice(0, 4).map((result) => result.outcome)).toEqual(['refused', 'refused', 'refused', 'refused']);
    for (const result of results.slice(0, 4)) {
      expect(result.actions.map((action) => action.type)).not.toContain('escalate');
      expect(result.answer).not.toMatch(/weitergeben\?|Digitallotse fragen/);
    }
    expect(escalation).toMatchObject({ kind: 'referred' });
    const contents = filesBelow(dataDir).map((file) => readFileSync(file).toString('utf8') + readFileSync(file).toString('latin1'));
    const leaked = cases.flatMap((entry) => entry.values).filter((value) => contents.some((content) => content.includes(value)));
    expect(leaked).toEqual([]);
  }, 60_000);
});
