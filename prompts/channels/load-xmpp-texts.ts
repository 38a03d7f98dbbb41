/**
 * Loads the German texts of the Jabber/XMPP channel (`prompts/channels/xmpp.de.yaml`), validated with
 * zod: a missing, empty or unknown key stops start-up with an error naming it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

/** Every key the channel uses. */
export const xmppTextKeys = [
  'unknownSender',
  'rateLimited',
  'rateLimitedDropped',
  'welcome',
  'sourcesHeading',
  'stand',
  'aiLabel',
  'answerFooter',
  'answerFooterNoHandover',
  'escalateHint',
  'help',
  'helpLotse',
  'feedbackThanks',
  'feedbackThanksDown',
  'feedbackNothing',
  'ticketsNone',
  'ticketsHeading',
  'ticketLine',
  'ticketReturnNote',
  'stateOpen',
  'stateClaimed',
  'stateRerouted',
  'stateReturned',
  'claimed',
  'answerSent',
  'rerouted',
  'poolCentral',
  'poolItServicedesk',
  'poolDsb',
  'usageClaim',
  'usageAnswer',
  'usageReroute',
  'usageReturn',
  'returned',
  'closed',
  'ticketAnswer',
  'notificationFooter',
  'failure',
  'plainLanguageOn',
  'plainLanguageOff',
  'suggestionsHeading',
] as const;

/** The channel's texts by key. */
export type XmppTexts = Readonly<Record<(typeof xmppTextKeys)[number], string>>;

const fileSchema = z.object({
  id: z.string().min(1),
  version: z.union([z.string(), z.number()]).transform(String),
  texts: z.object(Object.fromEntries(xmppTextKeys.map((key) => [key, z.string().min(1)]))).strict(),
});

/** Default location of the catalogue. */
export const defaultXmppTextsFile = join(import.meta.dirname, 'xmpp.de.yaml');

/** Reads and validates the catalogue; throws an Error naming the file and the failing keys. */
export function loadXmppTexts(file: string = defaultXmppTextsFile): XmppTexts {
  const parsed = fileSchema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid XMPP texts ${file}: ${details.join('; ')}`);
  }
  return parsed.data.texts as XmppTexts;
}

/** Replaces `{name}` placeholders. */
export function fillText(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
