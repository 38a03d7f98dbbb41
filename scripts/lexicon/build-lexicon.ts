/**
 * `npm run build:lexicon`: derives the shipped linguistic data of `bot/adapters/search/lexicon-data/` from
 * the installed Debian packages, so that `npm install` alone gives full retrieval quality:
 *
 * - `wngerman` (`/usr/share/dict/ngerman`, GPL-2+) → `ngerman-words.txt.gz`: folded, de-duplicated, sorted,
 *   front-coded words of at least four letters (what the compound splitter reads), and
 *   `ngerman-infinitives.txt.gz`: the lower-case words ending in "n" (verb infinitives, plus some adjective forms),
 *   folded and front-coded, which `verb-lemma.ts` checks participle lemmas against ("mitgemacht" → "mitmachen", never
 *   the noun "Samen" for "gesamt": nouns are capitalised in the list);
 * - `openthesaurus-de-text` (`/usr/share/openthesaurus-de/openthesaurus.txt`, LGPL-2.1+) → `openthesaurus.txt.gz`:
 *   the same line format without vulgar, pejorative, old-fashioned, elevated, figurative and Austrian/Swiss
 *   entries, and without synsets that keep fewer than two or more than `maxSynsetSize` entries;
 * - `sources.json` (package versions, input checksums, counts) and the licence texts.
 *
 * Options: `--dictionary <file>`, `--thesaurus <file>`, `--out <dir>`, `--licenses <dir>`.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { encodeFrontCoded, lexiconDataDir } from '../../bot/adapters/search/lexicon-files.ts';
import { parseThesaurusEntry } from '../../bot/adapters/search/thesaurus-labels.ts';
import { foldGerman } from '../../bot/shared/text.ts';

const minWordLength = 4;
const maxSynsetSize = 40;

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1]! : fallback;
}

/** The installed version of a Debian package, or "unknown" off Debian. */
function debianVersion(name: string): string {
  try {
    return execFileSync('dpkg-query', ['-W', '-f=${Version}', name], { encoding: 'utf8' }).trim();
  } catch (error) {
    console.warn(`build-lexicon: cannot read the version of ${name}: ${String(error)}`);
    return 'unknown';
  }
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

function buildWordList(input: Buffer): { text: string; words: number } {
  const words = new Set<string>();
  for (const line of input.toString('utf8').split('\n')) {
    const word = foldGerman(line.trim());
    if (word.length >= minWordLength && !word.includes("'")) words.add(word);
  }
  const sorted = [...words].sort();
  return { text: encodeFrontCoded(sorted), words: sorted.length };
}

/** Lower-case words ending in "n" (infinitive candidates); capitalised entries are nouns and stay out. */
function buildInfinitives(input: Buffer): { text: string; words: number } {
  const words = new Set<string>();
  for (const line of input.toString('utf8').split('\n')) {
    const word = line.trim();
    if (/^[a-zäöüß]{4,}n$/.test(word)) words.add(foldGerman(word));
  }
  const sorted = [...words].sort();
  return { text: encodeFrontCoded(sorted), words: sorted.length };
}

function buildThesaurus(input: Buffer): { text: string; synsets: number; dropped: number } {
  const header: string[] = [];
  const lines: string[] = [];
  let dropped = 0;
  for (const line of input.toString('utf8').split('\n')) {
    if (line === '#' || line.startsWith('# ')) {
      header.push(line);
      continue;
    }
    if (line.startsWith('#')) continue; // the synset of the sign "#" itself would read as a comment
    const entries = line
      .split(';')
      .map((raw) => raw.trim())
      .filter(Boolean);
    const kept = entries.filter((raw) => {
      const entry = parseThesaurusEntry(raw);
      return entry.text.length > 0 && entry.register !== 'dropped';
    });
    dropped += entries.length - kept.length;
    if (kept.length >= 2 && kept.length <= maxSynsetSize) lines.push(kept.join(';'));
  }
  const note = [
    '#',
    '# Modified by lotse (scripts/lexicon/build-lexicon.ts, `npm run build:lexicon`): entries labelled derb, vulg.,',
    `# veraltet, geh., abwertend, fig., scherzhaft, österr., schweiz. and similar removed; synsets with fewer than 2 or more than ${maxSynsetSize}`,
    '# remaining entries removed. The licence above (LGPL-2.1 or later) applies to this file; see licenses/LGPL-2.1.txt.',
  ];
  return { text: `${[...header, ...note, ...lines].join('\n')}\n`, synsets: lines.length, dropped };
}

const dictionaryPath = option('dictionary', '/usr/share/dict/ngerman');
const thesaurusPath = option('thesaurus', '/usr/share/openthesaurus-de/openthesaurus.txt');
const outDir = option('out', lexiconDataDir);
const licensesDir = option('licenses', '/usr/share/common-licenses');

mkdirSync(join(outDir, 'licenses'), { recursive: true });
const dictionary = readFileSync(dictionaryPath);
const thesaurus = readFileSync(thesaurusPath);
const wordList = buildWordList(dictionary);
const synsets = buildThesaurus(thesaurus);
const infinitives = buildInfinitives(dictionary);
writeFileSync(join(outDir, 'ngerman-words.txt.gz'), gzipSync(wordList.text, { level: 9 }));
writeFileSync(join(outDir, 'ngerman-infinitives.txt.gz'), gzipSync(infinitives.text, { level: 9 }));
writeFileSync(join(outDir, 'openthesaurus.txt.gz'), gzipSync(synsets.text, { level: 9 }));
copyFileSync(join(licensesDir, 'GPL-2'), join(outDir, 'licenses/GPL-2.txt'));
copyFileSync(join(licensesDir, 'LGPL-2.1'), join(outDir, 'licenses/LGPL-2.1.txt'));

const wngerman = {
  package: 'wngerman',
  version: debianVersion('wngerman'),
  upstream: 'igerman98, https://www.j3e.de/ispell/igerman98/',
  license: 'GPL-2.0-or-later',
  input: dictionaryPath,
  inputSha256: sha256(dictionary),
};
const sources = {
  'ngerman-words.txt.gz': { ...wngerman, words: wordList.words },
  'ngerman-infinitives.txt.gz': { ...wngerman, words: infinitives.words },
  'openthesaurus.txt.gz': {
    package: 'openthesaurus-de-text',
    version: debianVersion('openthesaurus-de-text'),
    upstream: 'OpenThesaurus, https://www.openthesaurus.de',
    license: 'LGPL-2.1-or-later',
    input: thesaurusPath,
    inputSha256: sha256(thesaurus),
    synsets: synsets.synsets,
    droppedEntries: synsets.dropped,
  },
};
writeFileSync(join(outDir, 'sources.json'), `${JSON.stringify(sources, null, 2)}\n`);
for (const name of ['ngerman-words.txt.gz', 'ngerman-infinitives.txt.gz', 'openthesaurus.txt.gz']) {
  console.log(`${name}: ${Math.round(statSync(join(outDir, name)).size / 1024)} KiB`);
}
console.log(`words ${wordList.words}, infinitives ${infinitives.words}, synsets ${synsets.synsets}, dropped entries ${synsets.dropped}`);
