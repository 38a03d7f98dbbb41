/**
 * Resolves short follow-ups ("und in Unna?", "und für Beamte?") against the previous question of the
 * conversation, without a language model: the new words replace the county or extend the old question.
 */
import { foldGerman } from '../../shared/text.ts';
import { namedTenants } from '../answer/county-aliases.ts';
import { tenantKey } from '../answer/scope.ts';

const followUpStart = /^(und|aber|auch|sowie|was ist mit|wie ist es|wie sieht es|gilt das|gilt das auch|dasselbe|das gleiche|und was)\b/i;
const countyMention = /\b(?:(?:Land)?[Kk]reis(?:es)?\s+|in\s+|im\s+Kreis\s+)([A-ZÄÖÜ][\wäöüß-]+)/;

/** Whether a message reads like a follow-up that needs the previous question to make sense. */
export function looksLikeFollowUp(text: string): boolean {
  const words = text.trim().split(/\s+/).filter(Boolean);
  return words.length <= 6 && (followUpStart.test(text.trim()) || words.length <= 2);
}

function countyIn(text: string, knownTenants: readonly string[]): string | undefined {
  // Short forms count too: "und in PB?", "wie ist das bei UN?".
  const named = namedTenants(text, knownTenants)[0];
  if (named) return tenantKey(named);
  const folded = ` ${foldGerman(text).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  const known = knownTenants.find((tenant) => folded.includes(` ${tenantKey(tenant)} `));
  if (known) return tenantKey(known);
  const match = countyMention.exec(text);
  return match?.[1] ? foldGerman(match[1]) : undefined;
}

function replaceCounty(question: string, oldKey: string, newName: string, knownTenants: readonly string[]): string {
  const pattern = new RegExp(`((?:Land)?[Kk]reis(?:es)?\\s+)?[\\p{L}-]+`, 'gu');
  return question.replace(pattern, (word, prefix?: string) => {
    const bare = prefix ? word.slice(prefix.length) : word;
    const names = foldGerman(bare) === oldKey || namedTenants(bare, knownTenants).some((tenant) => tenantKey(tenant) === oldKey);
    return names ? `${prefix ?? ''}${newName}` : word;
  });
}

function stripFollowUpWords(text: string): string {
  return text
    .replace(followUpStart, '')
    .replace(/[?!.]+$/, '')
    .trim();
}

/** Rewrites a follow-up into a standalone question; returns the text unchanged when it is not a follow-up. */
export function resolveFollowUp(input: { text: string; previousQuestion?: string; knownTenants: readonly string[] }): string {
  const { text, previousQuestion, knownTenants } = input;
  if (!previousQuestion || !looksLikeFollowUp(text)) return text;
  const newCounty = countyIn(text, knownTenants);
  const oldCounty = countyIn(previousQuestion, knownTenants);
  if (newCounty && oldCounty && newCounty !== oldCounty) {
    const name = /([A-ZÄÖÜ][\wäöüß-]+)\s*[?!.]*$/.exec(text)?.[1] ?? newCounty;
    return replaceCounty(previousQuestion, oldCounty, name, knownTenants);
  }
  const addition = stripFollowUpWords(text);
  return `${previousQuestion.replace(/[?!.]+$/, '')} – ${addition}?`;
}
