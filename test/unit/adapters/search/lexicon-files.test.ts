import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CompoundSplitter, defaultDictionaryPath, systemDictionaryPath } from '../../../../bot/adapters/search/compound-splitter.ts';
import { decodeWordList, encodeFrontCoded, lexiconDataPath, readLexiconText } from '../../../../bot/adapters/search/lexicon-files.ts';

describe('lexicon files', () => {
  it('round-trips a front-coded word list and reads plain lists too', () => {
    const words = ['arbeit', 'arbeitszeit', 'arbeitszeitkonto', 'zuschuss'];
    expect(decodeWordList(encodeFrontCoded(words))).toEqual(words);
    expect(decodeWordList('miete\nzuschuss\n')).toEqual(['miete', 'zuschuss']);
  });

  it('reads gzip files and returns undefined for missing ones', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lotse-lexicon-'));
    writeFileSync(join(dir, 'words.txt.gz'), gzipSync('miete\n'));
    expect(readLexiconText(join(dir, 'words.txt.gz'))).toBe('miete\n');
    expect(readLexiconText(join(dir, 'missing.txt'))).toBeUndefined();
  });

  it('ships the word list, thesaurus, lexicon, sources and licence texts', () => {
    for (const name of [
      'ngerman-words.txt.gz',
      'openthesaurus.txt.gz',
      'domain-lexicon.yaml',
      'README.md',
      'licenses/GPL-2.txt',
      'licenses/LGPL-2.1.txt',
      'strong-participles.txt',
      'licenses/CC-BY-SA-4.0.txt',
    ]) {
      expect(existsSync(lexiconDataPath(name)), name).toBe(true);
    }
    const sources = JSON.parse(readFileSync(lexiconDataPath('sources.json'), 'utf8')) as Record<string, { license: string }>;
    expect(sources['ngerman-words.txt.gz']?.license).toBe('GPL-2.0-or-later');
    expect(sources['openthesaurus.txt.gz']?.license).toBe('LGPL-2.1-or-later');
  });

  it('splits compounds with the shipped list by default, as with the system list', () => {
    const shipped = CompoundSplitter.fromFile(defaultDictionaryPath);
    expect(shipped?.split('mietzuschuss')).toEqual(['miete', 'zuschuss']);
    expect(shipped?.split('zulassungsstelle')).toEqual(['zulassung', 'stelle']);
    const system = existsSync(systemDictionaryPath) ? CompoundSplitter.fromFile(systemDictionaryPath) : undefined;
    if (system) expect(system.split('dienstvereinbarung')).toEqual(shipped?.split('dienstvereinbarung'));
  });
});
