/**
 * Chat commands for text-only channels (Jabber; Teams could reuse them): what cards and buttons do in
 * the web chat, typed as short German words. Pure: the channel decides who may run which command.
 *
 * @example parseChatCommand('antwort 12 Die Vorlage liegt im Intranet.')
 *   // → { kind: 'answer', number: 12, text: 'Die Vorlage liegt im Intranet.' }
 */
import { foldGerman } from '../../shared/text.ts';

/** Pools a Lotse can hand a ticket on to. */
export type RerouteTarget = 'central' | 'it-servicedesk' | 'dsb';

/** Commands that have a usage line (shown when the command is incomplete). */
export type CommandWithUsage = 'claim' | 'answer' | 'reroute' | 'return';

/** What a chat message means. */
export type ChatCommand =
  | { readonly kind: 'help' }
  | { readonly kind: 'feedback'; readonly rating: 'up' | 'down'; readonly reason?: string }
  | { readonly kind: 'escalate' }
  | { readonly kind: 'tickets' }
  | { readonly kind: 'claim'; readonly number: number }
  | { readonly kind: 'answer'; readonly number: number; readonly text: string }
  | { readonly kind: 'reroute'; readonly number: number; readonly target: RerouteTarget }
  | { readonly kind: 'return'; readonly number: number; readonly note?: string }
  | { readonly kind: 'close'; readonly number: number }
  /** "abwesend bis 24.12.2026": the Lotse's last absent day, as typed (issue #22). */
  | { readonly kind: 'absent'; readonly until: string }
  /** "wieder da": the absence ends. */
  | { readonly kind: 'back' }
  /** "einfach" turns Leichte Sprache on for the person's next answers, "normal" turns it off (issue #22). */
  | { readonly kind: 'plain-language'; readonly on: boolean }
  | { readonly kind: 'usage'; readonly command: CommandWithUsage }
  | { readonly kind: 'question'; readonly text: string };

const helpWords = new Set(['hilfe', 'help', '?', 'befehle']);
const escalateWords = new Set(['lotse', 'digitallotse', 'lotse fragen', 'digitallotse fragen', 'mensch']);
const ticketWords = new Set(['tickets', 'anfragen', 'meine anfragen', 'meine tickets']);
const claimWords = ['ubernehmen', 'uebernehmen', 'ubernimm', 'uebernimm'];
const backWords = new Set(['wieder da', 'bin wieder da', 'anwesend']);
const plainOnWords = new Set(['einfach', 'einfache sprache', 'leichte sprache', 'einfach bitte', 'bitte einfach']);
const plainOffWords = new Set(['normal', 'normale sprache', 'normal bitte', 'bitte normal']);
/** Only a date-like word after "abwesend bis" makes it a command ("abwesend bis wann …?" stays a question). */
const absentPattern = /^abwesend bis (?:zum |einschließlich |einschl\. )?(\d{1,2}\.\d{1,2}\.?(?:\d{2}|\d{4})?|\d{4}-\d{2}-\d{2})\.?$/iu;
const targets: Readonly<Record<string, RerouteTarget>> = {
  zentral: 'central',
  zentrale: 'central',
  it: 'it-servicedesk',
  servicedesk: 'it-servicedesk',
  'it-servicedesk': 'it-servicedesk',
  datenschutz: 'dsb',
  dsb: 'dsb',
};

function feedback(text: string): ChatCommand | undefined {
  const match = /^([+-]|👍|👎)(?:\s+([\s\S]*))?$/u.exec(text);
  if (!match) return undefined;
  const rating = match[1] === '+' || match[1] === '👍' ? 'up' : 'down';
  const reason = match[2]?.trim();
  return { kind: 'feedback', rating, ...(reason ? { reason } : {}) };
}

function ticketCommand(text: string, folded: string): ChatCommand | undefined {
  const [word = '', rest = ''] = [folded.split(/\s+/, 1)[0], text.slice(text.search(/\s|$/)).trim()];
  const number = /^#?(\d{1,9})(?=\s|$)/.exec(rest);
  const afterNumber = number ? rest.slice(number[0].length).trim() : '';
  if (claimWords.includes(word)) {
    if (!rest) return { kind: 'usage', command: 'claim' };
    return number && !afterNumber ? { kind: 'claim', number: Number(number[1]) } : undefined;
  }
  if (word === 'antwort' || word === 'antworten') {
    if (!rest) return { kind: 'usage', command: 'answer' };
    if (!number) return undefined;
    return afterNumber ? { kind: 'answer', number: Number(number[1]), text: afterNumber } : { kind: 'usage', command: 'answer' };
  }
  if (word === 'zuruckgeben' || word === 'zurueckgeben') {
    if (!rest) return { kind: 'usage', command: 'return' };
    if (!number) return undefined;
    return { kind: 'return', number: Number(number[1]), ...(afterNumber ? { note: afterNumber } : {}) };
  }
  if (word === 'erledigt' && number && !afterNumber) return { kind: 'close', number: Number(number[1]) };
  if (word === 'weiterleiten') {
    if (!rest) return { kind: 'usage', command: 'reroute' };
    if (!number) return undefined;
    const target = afterNumber ? targets[foldGerman(afterNumber)] : 'central';
    return target ? { kind: 'reroute', number: Number(number[1]), target } : { kind: 'usage', command: 'reroute' };
  }
  return undefined;
}

/**
 * Reads a chat message as a command or a question. Words that could start a normal question
 * ("Übernehmen Sie …", "Antwort auf …") count as commands only when a ticket number follows.
 */
export function parseChatCommand(input: string): ChatCommand {
  const text = input.trim();
  const folded = foldGerman(text)
    .replace(/[.!]+$/, '')
    .replace(/\s+/g, ' ');
  if (helpWords.has(folded)) return { kind: 'help' };
  if (escalateWords.has(folded)) return { kind: 'escalate' };
  if (ticketWords.has(folded)) return { kind: 'tickets' };
  if (backWords.has(folded)) return { kind: 'back' };
  if (plainOnWords.has(folded) || plainOffWords.has(folded)) return { kind: 'plain-language', on: plainOnWords.has(folded) };
  const absent = absentPattern.exec(text.replace(/\s+/g, ' '));
  if (absent?.[1]) return { kind: 'absent', until: absent[1] };
  return feedback(text) ?? ticketCommand(text, folded) ?? { kind: 'question', text };
}
