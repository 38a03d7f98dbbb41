/**
 * Reading and writing the shipped linguistic data files (`lexicon-data/`): optional gzip, and the
 * front-coded word list (each line = one base-36 digit saying how many leading characters it shares with
 * the previous line, then the rest of the word), which makes the sorted 350 k-word list 2.4 times smaller.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

/** First line of a front-coded word list. */
export const frontCodedHeader = '#lotse-front-coded-v1';
const maxShared = 35;

/** The folder of the shipped data files (next to this module). */
export const lexiconDataDir = fileURLToPath(new URL('./lexicon-data/', import.meta.url));

/** Path of a shipped data file by name. */
export function lexiconDataPath(name: string): string {
  return `${lexiconDataDir}${name}`;
}

/** Reads a text file, gunzipping it when its name ends in `.gz`; undefined when it does not exist. */
export function readLexiconText(path: string): string | undefined {
  if (!existsSync(path)) return undefined;
  const bytes = readFileSync(path);
  return (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

/** Encodes sorted words as a front-coded list (with header line). */
export function encodeFrontCoded(sortedWords: readonly string[]): string {
  const lines = [frontCodedHeader];
  let previous = '';
  for (const word of sortedWords) {
    let shared = 0;
    while (shared < maxShared && shared < previous.length && shared < word.length && previous[shared] === word[shared]) shared += 1;
    lines.push(shared.toString(36) + word.slice(shared));
    previous = word;
  }
  return `${lines.join('\n')}\n`;
}

/** The words of a word list: front-coded (recognised by its header) or plain, one word per line. */
export function decodeWordList(text: string): string[] {
  const lines = text.split('\n');
  if (lines[0] !== frontCodedHeader) return lines.filter((line) => line.length > 0);
  const words: string[] = [];
  let previous = '';
  for (const line of lines.slice(1)) {
    if (!line) continue;
    const shared = Number.parseInt(line[0]!, 36);
    previous = previous.slice(0, shared) + line.slice(1);
    words.push(previous);
  }
  return words;
}
