import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultXmppTextsFile, fillText, loadXmppTexts, xmppTextKeys } from '../../../prompts/channels/load-xmpp-texts.ts';

describe('loadXmppTexts', () => {
  it('loads every key of the shipped catalogue', () => {
    const texts = loadXmppTexts();
    for (const key of xmppTextKeys) expect(texts[key].length).toBeGreaterThan(0);
    expect(fillText(texts.ticketLine, { number: '3', state: 'offen', question: 'Frage?' })).toBe('Nr. 3 (offen): „Frage?“');
  });

  it('names a missing key', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'lotse-xmpp-texts-')), 'xmpp.de.yaml');
    writeFileSync(file, readFileSync(defaultXmppTextsFile, 'utf8').replace(/^\s+welcome:.*$/m, ''));
    expect(() => loadXmppTexts(file)).toThrow(/texts\.welcome/);
  });
});
