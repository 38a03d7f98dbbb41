/**
 * k-anonymous aggregation of survey answers: a group (reporting unit) is shown only with at least k
 * respondents, and complementary suppression hides further groups until the suppressed groups together
 * hold at least k respondents, so that "total minus the visible groups" never reveals a small group.
 * Free text is shown only after review, only for the whole survey, and only when it has k respondents.
 */
import type { AnswerValue, StoredAnswer, Survey, SurveyQuestion } from '../../ports/hr-types.ts';

/** The figures of one group for one question; `null` when suppressed. */
export interface GroupResult {
  readonly group: string;
  readonly label: string;
  readonly n: number | null;
  readonly counts: readonly number[] | null;
  /** Mean of a scale question. */
  readonly mean: number | null;
}

/** Results of one question: the whole survey and the groups where k allows. */
export interface QuestionResult {
  readonly questionId: string;
  readonly text: string;
  readonly type: SurveyQuestion['type'];
  readonly options: readonly string[];
  readonly total: GroupResult;
  readonly groups: readonly GroupResult[];
  /** Reviewed free-text answers (only for `text` questions with n ≥ k). */
  readonly texts: readonly string[];
}

/** The published results of a survey. */
export interface SurveyResults {
  readonly surveyId: string;
  readonly title: string;
  readonly k: number;
  /** How many people took part; `null` when fewer than k. */
  readonly respondents: number | null;
  readonly questions: readonly QuestionResult[];
}

/** Which of the groups to suppress: every group below k, plus the smallest others until the suppressed hold ≥ k. */
export function suppressedGroups(groups: readonly { group: string; n: number }[], k: number): ReadonlySet<string> {
  const suppressed = new Set(groups.filter((entry) => entry.n < k).map((entry) => entry.group));
  if (suppressed.size === 0) return suppressed;
  const visible = groups.filter((entry) => !suppressed.has(entry.group)).sort((a, b) => a.n - b.n || a.group.localeCompare(b.group));
  let hidden = groups.filter((entry) => suppressed.has(entry.group)).reduce((sum, entry) => sum + entry.n, 0);
  for (const entry of visible) {
    if (hidden >= k) break;
    suppressed.add(entry.group);
    hidden += entry.n;
  }
  return suppressed;
}

/** The option labels of a question (scale: "1" … "5"). */
export function optionLabels(question: SurveyQuestion): readonly string[] {
  if (question.type === 'scale') return ['1', '2', '3', '4', '5'];
  return question.options ?? [];
}

function countValues(question: SurveyQuestion, values: readonly AnswerValue[]): number[] {
  const counts = optionLabels(question).map(() => 0);
  const add = (index: number): void => {
    if (index >= 0 && index < counts.length) counts[index]! += 1;
  };
  for (const value of values) {
    if (question.type === 'scale' && typeof value === 'number') add(value - 1);
    else if (question.type === 'single' && typeof value === 'number') add(value);
    else if (question.type === 'multiple' && Array.isArray(value)) for (const index of value) add(index);
  }
  return counts;
}

function meanOf(question: SurveyQuestion, counts: readonly number[], n: number): number | null {
  if (question.type !== 'scale' || n === 0) return null;
  const sum = counts.reduce((total, count, index) => total + count * (index + 1), 0);
  return Math.round((sum / n) * 100) / 100;
}

function groupResult(question: SurveyQuestion, group: string, label: string, values: readonly AnswerValue[] | null): GroupResult {
  if (values === null) return { group, label, n: null, counts: null, mean: null };
  const counts = question.type === 'text' ? [] : countValues(question, values);
  return { group, label, n: values.length, counts, mean: meanOf(question, counts, values.length) };
}

/** Inputs of {@link aggregateResults}. */
export interface AggregateInput {
  readonly survey: Survey;
  readonly answers: readonly StoredAnswer[];
  /** Every reporting unit of the survey (also those without answers), so that empty groups are suppressed too. */
  readonly groups: readonly string[];
  readonly respondents: number;
  readonly reviewedTexts: (questionId: string) => readonly string[];
  readonly labelOf: (group: string) => string;
  readonly k: number;
}

function questionResult(input: AggregateInput, question: SurveyQuestion): QuestionResult {
  const mine = input.answers.filter((answer) => answer.questionId === question.id);
  const byGroup = new Map<string, AnswerValue[]>(input.groups.map((group) => [group, []]));
  for (const answer of mine) byGroup.set(answer.reportingUnit, [...(byGroup.get(answer.reportingUnit) ?? []), answer.value]);
  const totalVisible = mine.length >= input.k;
  const sizes = [...byGroup].map(([group, values]) => ({ group, n: values.length }));
  const hidden = suppressedGroups(sizes, input.k);
  // A single group is the total itself; showing it again adds nothing.
  const groups =
    question.type === 'text' || byGroup.size < 2 || !totalVisible
      ? []
      : [...byGroup]
          .sort((a, b) => a[0].localeCompare(b[0]))
          .map(([group, values]) => groupResult(question, group, input.labelOf(group), hidden.has(group) ? null : values));
  const texts = question.type === 'text' && totalVisible ? input.reviewedTexts(question.id) : [];
  return {
    questionId: question.id,
    text: question.text,
    type: question.type,
    options: optionLabels(question),
    total: groupResult(question, '', input.labelOf(''), totalVisible ? mine.map((answer) => answer.value) : null),
    groups,
    texts,
  };
}

/** Aggregates stored answers into k-anonymous results. */
export function aggregateResults(input: AggregateInput): SurveyResults {
  return {
    surveyId: input.survey.id,
    title: input.survey.title,
    k: input.k,
    respondents: input.respondents >= input.k ? input.respondents : null,
    questions: input.survey.questions.map((question) => questionResult(input, question)),
  };
}
