/**
 * The channel-neutral survey dialog: one question at a time, answers as numbers ("3", "1, 4") or text.
 * Teams renders the same questions as cards, Jabber as numbered lines, the web chat as a form; all of
 * them check values with {@link checkAnswer}. The dialog state lives only in memory and never in storage.
 */
import { fillTemplate } from '../answer/answer-messages.ts';
import type { HrMessages } from './hr-messages.ts';
import type { AnswerValue, ResponseAnswers, Survey, SurveyQuestion } from '../../ports/hr-types.ts';

/** Where a person is in a survey. */
export interface DialogState {
  readonly surveyId: string;
  readonly index: number;
  readonly answers: ResponseAnswers;
}

/** A parsed chat reply. */
export type ParsedReply =
  | { readonly kind: 'answer'; readonly value: AnswerValue }
  | { readonly kind: 'skip' }
  | { readonly kind: 'cancel' }
  | { readonly kind: 'invalid' };

/** The result of one dialog step. */
export type DialogStep =
  | { readonly kind: 'next'; readonly state: DialogState; readonly reply: string }
  | { readonly kind: 'complete'; readonly answers: ResponseAnswers }
  | { readonly kind: 'cancelled' };

const skipWords = new Set(['weiter', 'überspringen', 'skip', '-']);
const cancelWords = new Set(['abbrechen', 'abbruch', 'stopp', 'stop']);

/** Checks one value against its question; `undefined` means "not answered". */
export function checkAnswer(
  question: SurveyQuestion,
  value: AnswerValue | undefined,
): { ok: true; value: AnswerValue | undefined } | { ok: false } {
  if (value === undefined || value === '') return question.optional ? { ok: true, value: undefined } : { ok: false };
  const optionCount = question.options?.length ?? 0;
  const isIndex = (entry: unknown): entry is number =>
    typeof entry === 'number' && Number.isInteger(entry) && entry >= 0 && entry < optionCount;
  if (question.type === 'scale')
    return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5 ? { ok: true, value } : { ok: false };
  if (question.type === 'single') return isIndex(value) ? { ok: true, value } : { ok: false };
  if (question.type === 'multiple') {
    if (!Array.isArray(value) || value.length === 0 || !value.every(isIndex)) return { ok: false };
    return { ok: true, value: [...new Set(value)].sort((a, b) => a - b) };
  }
  return typeof value === 'string' && value.trim().length > 0 && value.length <= 2000 ? { ok: true, value: value.trim() } : { ok: false };
}

/** Parses a chat reply for a question: numbers are 1-based in chat ("2" = second option). */
export function parseReply(question: SurveyQuestion, text: string): ParsedReply {
  const trimmed = text.trim();
  const lower = trimmed.toLowerCase();
  if (cancelWords.has(lower)) return { kind: 'cancel' };
  if (skipWords.has(lower)) return question.optional ? { kind: 'skip' } : { kind: 'invalid' };
  let value: AnswerValue | undefined;
  if (question.type === 'text') value = trimmed;
  else if (question.type === 'multiple') {
    const parts = trimmed.split(/[\s,;]+/).filter(Boolean);
    value = parts.every((part) => /^\d{1,2}$/.test(part)) ? parts.map((part) => Number(part) - 1) : undefined;
  } else if (/^\d{1,2}$/.test(trimmed)) value = question.type === 'scale' ? Number(trimmed) : Number(trimmed) - 1;
  if (value === undefined) return { kind: 'invalid' };
  const checked = checkAnswer(question, value);
  return checked.ok && checked.value !== undefined ? { kind: 'answer', value: checked.value } : { kind: 'invalid' };
}

function hintOf(question: SurveyQuestion, messages: HrMessages): string {
  const options = (question.options ?? []).map((option, index) => `${index + 1}. ${option}`).join('\n');
  const base = {
    scale: messages.scaleHint,
    single: `${messages.singleHint}\n${options}`,
    multiple: `${messages.multipleHint}\n${options}`,
    text: messages.textHint,
  }[question.type];
  return question.optional && question.type !== 'text' ? `${base}\n${messages.optionalHint}` : base;
}

/** Renders question `index` of a survey as chat text. */
export function renderQuestion(survey: Survey, index: number, messages: HrMessages): string {
  const question = survey.questions[index]!;
  const header = fillTemplate(messages.questionHeader, {
    index: String(index + 1),
    count: String(survey.questions.length),
    text: question.text,
  });
  return `${header}\n${hintOf(question, messages)}`;
}

/** Starts the dialog: intro plus the first question. */
export function startDialog(survey: Survey, messages: HrMessages): { state: DialogState; reply: string } {
  const intro = fillTemplate(messages.surveyStart, { title: survey.title, count: String(survey.questions.length) });
  return { state: { surveyId: survey.id, index: 0, answers: {} }, reply: `${intro}\n\n${renderQuestion(survey, 0, messages)}` };
}

/** Applies one chat reply to the dialog. */
export function advanceDialog(survey: Survey, state: DialogState, text: string, messages: HrMessages): DialogStep {
  const question = survey.questions[state.index]!;
  const parsed = parseReply(question, text);
  if (parsed.kind === 'cancel') return { kind: 'cancelled' };
  if (parsed.kind === 'invalid') {
    return { kind: 'next', state, reply: fillTemplate(messages.invalidAnswer, { hint: hintOf(question, messages) }) };
  }
  const answers = parsed.kind === 'answer' ? { ...state.answers, [question.id]: parsed.value } : state.answers;
  const index = state.index + 1;
  if (index >= survey.questions.length) return { kind: 'complete', answers };
  return { kind: 'next', state: { surveyId: state.surveyId, index, answers }, reply: renderQuestion(survey, index, messages) };
}

/** Checks a whole response (web form); returns the cleaned answers or the first invalid question id. */
export function checkResponse(
  survey: Survey,
  raw: Readonly<Record<string, AnswerValue>>,
): { ok: true; answers: ResponseAnswers } | { ok: false; questionId: string } {
  const answers: Record<string, AnswerValue> = {};
  for (const question of survey.questions) {
    const checked = checkAnswer(question, raw[question.id]);
    if (!checked.ok) return { ok: false, questionId: question.id };
    if (checked.value !== undefined) answers[question.id] = checked.value;
  }
  const unknown = Object.keys(raw).find((id) => !survey.questions.some((question) => question.id === id));
  return unknown ? { ok: false, questionId: unknown } : { ok: true, answers };
}
