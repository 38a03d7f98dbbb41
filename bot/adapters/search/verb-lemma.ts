/**
 * Infinitives of German weak-verb participles and zu-infinitives, by rule and checked against the word list:
 * "mitgemacht" → "mitmachen", "angemeldet" → "anmelden", "eingescannt" → "einscannen", "digitalisiert" →
 * "digitalisieren", "beantragt" → "beantragen", "einzureichen" → "einreichen". Staff ask in the perfect tense
 * ("ham da mitgemacht?") while the thesaurus and the documents' nouns ("Anmeldungen", "Teilnehmende") go with
 * the infinitive; the lemma lets the question word find both. Strong verbs with a changed stem ("genommen") are
 * not guessed by rule: `strongInfinitiveOf` looks them up in a shipped table. A candidate counts only when the word
 * list has it, so neither ever invents a word.
 */

/** Separable verb prefixes (in front of "ge"/"zu": "an-ge-meldet", "ein-zu-reichen"), longest first. */
const separablePrefixes = [
  'zusammen',
  'zuruck',
  'herunter',
  'heraus',
  'herein',
  'wieder',
  'weiter',
  'voran',
  'vorbei',
  'uber',
  'unter',
  'durch',
  'fest',
  'frei',
  'hoch',
  'nach',
  'teil',
  'auf',
  'aus',
  'bei',
  'ein',
  'her',
  'hin',
  'los',
  'mit',
  'vor',
  'weg',
  'dar',
  'ab',
  'an',
  'um',
  'zu',
] as const;

/** Inseparable prefixes: their participles have no "ge" ("beantragt", "verschickt", "erstellt", "zerlegt"). */
const inseparablePrefixes = ['miss', 'emp', 'ent', 'ver', 'zer', 'be', 'er', 'ge'] as const;

/** Endings of weak participles and 3rd person forms, with what the infinitive has instead. */
const participleEndings: readonly (readonly [string, readonly string[]])[] = [
  ['et', ['en', 'n']],
  ['t', ['en', 'n']],
];

/** Whether a folded word is in the word list. */
export type IsWord = (folded: string) => boolean;

function withInfinitiveEnding(stem: string, isWord: IsWord): string | undefined {
  for (const [ending, replacements] of participleEndings) {
    if (!stem.endsWith(ending) || stem.length - ending.length < 2) continue;
    const base = stem.slice(0, -ending.length);
    for (const replacement of replacements) {
      const candidate = `${base}${replacement}`;
      if (isWord(candidate)) return candidate;
    }
  }
  return undefined;
}

/** "(prefix)ge(stem)t" → "(prefix)(stem)en". */
function fromGeParticiple(word: string, isWord: IsWord): string | undefined {
  for (const prefix of ['', ...separablePrefixes]) {
    if (!word.startsWith(`${prefix}ge`) || word.length < prefix.length + 5) continue;
    const found = withInfinitiveEnding(`${prefix}${word.slice(prefix.length + 2)}`, isWord);
    if (found) return found;
  }
  return undefined;
}

/** "(prefix)zu(stem)en" → "(prefix)(stem)en". */
function fromZuInfinitive(word: string, isWord: IsWord): string | undefined {
  for (const prefix of separablePrefixes) {
    if (prefix === 'zu' || !word.startsWith(`${prefix}zu`) || !word.endsWith('en') || word.length < prefix.length + 6) continue;
    const candidate = `${prefix}${word.slice(prefix.length + 2)}`;
    if (isWord(candidate)) return candidate;
  }
  return undefined;
}

/** "(inseparable prefix)(stem)t" and "-iert" → the infinitive. */
function fromPrefixParticiple(word: string, isWord: IsWord): string | undefined {
  if (word.endsWith('iert') || word.endsWith('iertes')) return withInfinitiveEnding(word.replace(/es$/, ''), isWord);
  for (const prefix of ['', ...separablePrefixes]) {
    const rest = word.slice(prefix.length);
    if (
      !word.startsWith(prefix) ||
      !inseparablePrefixes.some((inseparable) => rest.startsWith(inseparable) && rest.length > inseparable.length + 3)
    )
      continue;
    const found = withInfinitiveEnding(word, isWord);
    if (found) return found;
  }
  return undefined;
}

/**
 * The infinitive (folded) a folded word is a participle or zu-infinitive of, or undefined. The word itself must
 * not be an infinitive already, and the candidate must be in the word list.
 */
export function infinitiveOf(folded: string, isWord: IsWord): string | undefined {
  if (folded.length < 5 || !/^[a-z]+$/.test(folded) || (folded.endsWith('en') && !folded.includes('zu'))) return undefined;
  return fromZuInfinitive(folded, isWord) ?? fromGeParticiple(folded, isWord) ?? fromPrefixParticiple(folded, isWord);
}

/**
 * The base verb of a separable verb ("einscannen" → "scannen", "austauschen" → "tauschen"), when the word list has
 * it; indexed as a part, like the parts of a compound, so "eingescannt" meets "scannen" and "Scans" half-way.
 */
export function separableBaseOf(infinitive: string, isWord: IsWord): string | undefined {
  for (const prefix of separablePrefixes) {
    if (!infinitive.startsWith(prefix)) continue;
    const base = infinitive.slice(prefix.length);
    if (base.length >= 5 && isWord(base)) return base;
  }
  return undefined;
}

/** The infinitive of a finite weak-verb form ("wertet" → "werten", "meldest" → "melden"), with `prefix` in front. */
function finiteToInfinitive(folded: string, prefix: string, isWord: IsWord): string | undefined {
  for (const ending of ['est', 'et', 'st', 't', 'en', 'e']) {
    if (!folded.endsWith(ending) || folded.length - ending.length < 2) continue;
    const base = folded.slice(0, -ending.length);
    for (const candidate of [`${prefix}${base}en`, `${prefix}${base}n`]) if (isWord(candidate)) return candidate;
  }
  return undefined;
}

const particles: ReadonlySet<string> = new Set(separablePrefixes);

/**
 * Separable verbs split over a clause ("Wertet jemand aus, …" = auswerten, "Wann fängt der Kurs an?" is strong and
 * left alone): when a clause ends in a verb particle, the earlier word that forms a listed infinitive with it gets
 * that infinitive. `clauses` are the folded words of each clause in order; the result maps [clause, word] positions
 * (as `clause:word`) to the infinitive.
 */
export function separatedVerbs(clauses: readonly (readonly string[])[], isWord: IsWord): Map<string, string> {
  const found = new Map<string, string>();
  clauses.forEach((words, clause) => {
    const particle = words.at(-1);
    if (!particle || !particles.has(particle) || words.length < 3) return;
    for (let index = 0; index < words.length - 1; index += 1) {
      const infinitive = finiteToInfinitive(words[index]!, particle, isWord);
      if (infinitive) {
        found.set(`${clause}:${index}`, infinitive);
        return;
      }
    }
  });
  return found;
}

/** Nouns of "-ieren" verbs whose Snowball stem differs from the verb's: "Digitalisierung" (digitalisier-), "Definition" (definition). */
const ierenNoun = /^([a-z]{4,}?)(?:ierung(?:en)?|ation(?:en)?|ition(?:en)?)$/;

/**
 * The "-ieren" verb (folded) a noun derives from, when the word list has it: "digitalisierung" → "digitalisieren",
 * "definition" → "definieren", "organisationen" → "organisieren". Snowball stems such a noun apart from its verb
 * ("digitalisier" vs "digitalisi"), so "wie definiert PB Digitalisierung" would miss "die Definition".
 */
export function verbOfNoun(folded: string, isWord: IsWord): string | undefined {
  const match = ierenNoun.exec(folded);
  if (!match) return undefined;
  const verb = `${match[1]!}ieren`;
  return isWord(verb) ? verb : undefined;
}

/** Adjective endings a participle may carry ("angebundene", "angebundenen"). */
const adjectiveEndings = ['', 'e', 'em', 'en', 'er', 'es'] as const;

/** Parses the shipped strong-participle table (`participle infinitive` per line, folded; `#` comments). */
export function parseStrongParticiples(text: string): Map<string, string> {
  const table = new Map<string, string>();
  for (const line of text.split('\n')) {
    const [participle, infinitive] = line.trim().split(/\s+/);
    if (participle && infinitive && !participle.startsWith('#')) table.set(participle, infinitive);
  }
  return table;
}

/**
 * The infinitive (folded) of a strong or irregular participle, from the table of participles without prefix
 * ("geschlossen" → "schliessen") and the prefix rules: "angeschlossen" → "anschliessen", "beschrieben" →
 * "beschreiben", "verbundene" → "verbinden". The candidate must be in the word list (which also lists participles
 * used as adjectives, so the word itself may be there); an infinitive that looks like a participle ("bekommen") maps
 * to itself and is left alone.
 */
export function strongInfinitiveOf(folded: string, participles: ReadonlyMap<string, string>, isWord: IsWord): string | undefined {
  if (folded.length < 5 || !/^[a-z]+$/.test(folded)) return undefined;
  for (const ending of adjectiveEndings) {
    if (!folded.endsWith(ending)) continue;
    const word = folded.slice(0, folded.length - ending.length);
    if (!word.endsWith('en')) continue;
    const plain = participles.get(word);
    if (plain && isWord(plain)) return plain;
    for (const prefix of separablePrefixes) {
      const base = word.startsWith(`${prefix}ge`) ? participles.get(word.slice(prefix.length)) : undefined;
      if (base && isWord(`${prefix}${base}`)) return `${prefix}${base}` === word ? undefined : `${prefix}${base}`;
    }
    for (const prefix of inseparablePrefixes) {
      const base =
        word.startsWith(prefix) && word.length > prefix.length + 4 ? participles.get(`ge${word.slice(prefix.length)}`) : undefined;
      if (base && isWord(`${prefix}${base}`)) return `${prefix}${base}` === word ? undefined : `${prefix}${base}`;
    }
  }
  return undefined;
}
