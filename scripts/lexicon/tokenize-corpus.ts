/**
 * Turns the word-vector training text (`word-vector-corpus.py`) into lotse's own index terms, so that the vectors are
 * keyed exactly as questions and passages are analysed at run time: per word its stem, followed by its compound
 * parts ("dienstreiseantrag dienst reis antrag"). One output line per input line, terms separated by spaces.
 *
 * Usage: tsx scripts/lexicon/tokenize-corpus.ts IN OUT
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGermanAnalyzer } from '../../bot/adapters/search/german-analyzer.ts';

const [input, output] = process.argv.slice(2);
if (!input || !output) throw new Error('usage: tokenize-corpus.ts IN OUT');
const analyzer = createGermanAnalyzer({ thesaurusPath: false, domainLexiconPath: false });
const out = createWriteStream(output);
const lines = createInterface({ input: createReadStream(input, 'utf8'), crlfDelay: Infinity });
let count = 0;
for await (const line of lines) {
  const words = analyzer.analyzeWords?.(line) ?? [];
  const terms = words.flatMap((word) => [word.forms[0]!, ...word.parts.filter((part) => part !== word.forms[0])]);
  out.write(`${terms.filter((term) => !/^\d+$/.test(term)).join(' ')}\n`);
  count += 1;
}
out.end();
console.error(`${count} lines → ${output}`);
