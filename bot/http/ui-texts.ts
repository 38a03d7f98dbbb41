/**
 * The German texts of the web chat page (`prompts/ui/webchat.de.json`), validated at start.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const text = z.string().min(1);
const uiTextsSchema = z.object({
  pageTitle: text,
  heading: text,
  subheading: text,
  inputLabel: text,
  inputPlaceholder: text,
  send: text,
  sending: text,
  you: text,
  bot: text,
  aiLabel: text,
  usageRulesLink: text,
  sources: text,
  section: text,
  stand: text,
  noStand: text,
  confidence: text,
  helpful: text,
  notHelpful: text,
  feedbackReasonLabel: text,
  feedbackSend: text,
  feedbackThanks: text,
  askLotse: text,
  errorGeneric: text,
  conversationLabel: text,
  newConversation: text,
  skipLink: text,
  footer: text,
  model: text,
  usageRulesTitle: text,
  usageRulesBody: z.array(text).min(1),
  backToChat: text,
  modelInUse: text,
  noModelInUse: text,
  rulesHeading: text,
  rulesCaption: text,
  ruleClause: text,
  ruleTitle: text,
  ruleAction: text,
  ruleActions: z.record(z.string(), text),
  lotseAnswer: text,
  lotseHelpful: text,
  lotseReturn: text,
  lotseClosed: text,
  lotseReturned: text,
  surveysLabel: text,
  surveyOpen: text,
  surveySubmit: text,
  surveyThanks: text,
  surveyOptional: text,
  rateLimited: text,
  plainLanguageToggle: text,
  suggestionsHeading: text,
});

/** Texts shown on the chat and usage-rules pages. */
export type UiTexts = z.infer<typeof uiTextsSchema>;

/** Loads and validates the UI texts; throws naming the missing keys. */
export function loadUiTexts(file = join(import.meta.dirname, '../../prompts/ui/webchat.de.json')): UiTexts {
  const parsed = uiTextsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`Invalid UI texts ${file}: ${parsed.error.issues.map((issue) => issue.path.join('.')).join(', ')}`);
  return parsed.data;
}
