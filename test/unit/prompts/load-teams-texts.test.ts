import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultTeamsTextsFile, fillText, loadTeamsTexts, teamsTextKeys } from '../../../prompts/load-teams-texts.ts';

describe('loadTeamsTexts', () => {
  it('loads every key of the shipped German texts', () => {
    const texts = loadTeamsTexts();
    for (const key of teamsTextKeys) expect(texts[key].length).toBeGreaterThan(0);
    expect(fillText(texts.ticketTitle, { number: '12' })).toBe('Anfrage Nr. 12');
  });

  it('names a missing key', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'teams-texts-')), 'teams.de.yaml');
    writeFileSync(file, readFileSync(defaultTeamsTextsFile, 'utf8').replace(/^ {2}askLotse:.*$/m, ''));
    expect(() => loadTeamsTexts(file)).toThrow(/askLotse/);
  });
});
