/**
 * Pulse surveys: draft → approved by the Personalrat (recorded) → open (window, invitations) → closed.
 * A started survey is never edited; `revise` creates a new version. Complete responses are buffered in
 * memory (linked to the person only there) and written in shuffled batches, without the person, once k are
 * buffered or the survey closes; participation is marked conditionally, so that a person who answered on
 * two replicas is counted once. Every step awaits the asynchronous stores (issue #20); batch writes of a survey take turns.
 */
import type { SurveyStore } from '../../ports/hr-store.ts';
import type { AnswerValue, StoredAnswer, Survey } from '../../ports/hr-types.ts';
import { describeError } from '../../shared/errors.ts';
import type { Logger } from '../../shared/logger.ts';
import { fillTemplate } from '../answer/answer-messages.ts';
import { audienceRefusal, type HrServiceDeps, type Refused } from './broadcast-service.ts';
import type { SurveyDraft } from './hr-schemas.ts';
import { aggregateResults, type SurveyResults } from './k-anonymous-results.ts';
import { checkSender, reportingUnits, resolveAudience } from './resolve-audience.ts';
import { checkResponse } from './survey-dialog.ts';
import { createResponseBuffer } from './survey-response-buffer.ts';

/** Dependencies of the survey service. */
export interface SurveyDeps extends HrServiceDeps {
  readonly store: SurveyStore;
  readonly logger: Logger;
  /** Masks personal data in free text (names, e-mail, phone …) before it is stored; identity by default. */
  readonly maskText?: (text: string) => string;
}

/** Outcome of submitting a response; duplicates and late answers are ignored politely. */
export type SubmitResult =
  | { readonly kind: 'stored'; readonly message: string }
  | { readonly kind: 'ignored'; readonly reason: 'not_open' | 'already_answered' | 'not_eligible'; readonly message: string }
  | { readonly kind: 'invalid'; readonly questionId: string };

/** The outbox jobs of a survey. */
export const surveyJob = (id: string, step: 'invite' | `reminder-${number}`): string => `survey:${id}:${step}`;

/** Creates the survey service. */
export function createSurveyService(deps: SurveyDeps) {
  const { messages, store } = deps;
  const responses = createResponseBuffer(deps);
  const now = (): string => deps.clock.now().toISOString();
  const notFound: Refused = { kind: 'refused', reason: 'not_found', message: messages.refusedNotFound };
  const wrongState = (state: string): Refused => ({
    kind: 'refused',
    reason: 'wrong_state',
    message: fillTemplate(messages.refusedWrongState, { state }),
  });
  const hasRole = (actor: string, role: 'hr' | 'personalrat'): boolean => deps.directory.person(actor)?.roles.includes(role) ?? false;
  const closesText = (survey: Survey): string => survey.closesAt.slice(0, 10).split('-').reverse().join('.');
  const isOpen = (survey: Survey): boolean => survey.state === 'open' && survey.opensAt <= now() && now() < survey.closesAt;

  const audienceOf = async (survey: Pick<Survey, 'audience'>): Promise<readonly string[]> => {
    const subscribed = survey.audience.kind === 'topic' ? await deps.subscriptions.subscribers(survey.audience.topic) : [];
    return resolveAudience(survey.audience, deps.directory, () => subscribed);
  };

  const create = async (actor: string, draft: SurveyDraft, supersedes?: Survey): Promise<{ kind: 'ok'; survey: Survey } | Refused> => {
    if (!hasRole(actor, 'hr')) return { kind: 'refused', reason: 'not_hr', message: messages.refusedNotHr };
    const refusal = checkSender(actor, draft.audience, deps.directory, deps.policy);
    if (refusal) return audienceRefusal(refusal, messages);
    if ((await audienceOf(draft)).length === 0)
      return { kind: 'refused', reason: 'empty_audience', message: messages.refusedEmptyAudience };
    const survey: Survey = {
      id: deps.ids.next('survey'),
      version: (supersedes?.version ?? 0) + 1,
      state: 'draft',
      title: draft.title,
      questions: draft.questions,
      audience: draft.audience,
      opensAt: new Date(draft.opensAt).toISOString(),
      closesAt: new Date(draft.closesAt).toISOString(),
      author: actor,
      createdAt: now(),
      ...(draft.intro ? { intro: draft.intro } : {}),
      ...(supersedes ? { supersedes: supersedes.id } : {}),
    };
    await store.createSurvey(survey);
    return { kind: 'ok', survey };
  };

  /** The survey after a successful transition (gone only if deleted in between). */
  const after = async (id: string): Promise<{ kind: 'ok'; survey: Survey } | Refused> => {
    const survey = await store.survey(id);
    return survey ? { kind: 'ok', survey } : notFound;
  };

  /** Replaces a draft's definition; approved, open or closed surveys are locked (make a new version). */
  const edit = async (actor: string, id: string, draft: SurveyDraft): Promise<{ kind: 'ok'; survey: Survey } | Refused> => {
    const survey = await store.survey(id);
    if (!survey) return notFound;
    if (survey.state !== 'draft') return { kind: 'refused', reason: 'locked', message: messages.refusedLocked };
    if (!hasRole(actor, 'hr')) return { kind: 'refused', reason: 'not_hr', message: messages.refusedNotHr };
    const patch = {
      state: 'draft' as const,
      title: draft.title,
      questions: draft.questions,
      audience: draft.audience,
      opensAt: new Date(draft.opensAt).toISOString(),
      closesAt: new Date(draft.closesAt).toISOString(),
    };
    return (await store.transition(id, 'draft', patch)) ? after(id) : wrongState(survey.state);
  };

  const revise = async (actor: string, id: string, draft: SurveyDraft): Promise<{ kind: 'ok'; survey: Survey } | Refused> => {
    const survey = await store.survey(id);
    return survey ? create(actor, draft, survey) : notFound;
  };

  const approve = async (actor: string, id: string): Promise<{ kind: 'ok'; survey: Survey } | Refused> => {
    if (!hasRole(actor, 'personalrat')) return { kind: 'refused', reason: 'not_personalrat', message: messages.refusedNotPersonalrat };
    const survey = await store.survey(id);
    if (!survey) return notFound;
    if (survey.state !== 'draft') return wrongState(survey.state);
    return (await store.transition(id, 'draft', { state: 'approved', approvedBy: actor, approvedAt: now() }))
      ? after(id)
      : wrongState(survey.state);
  };

  /** Opens an approved survey: fixes the audience and reporting units, and queues the invitations. */
  const open = async (id: string): Promise<{ kind: 'ok'; survey: Survey; invited: number } | Refused> => {
    const survey = await store.survey(id);
    if (!survey) return notFound;
    if (survey.state === 'draft') return { kind: 'refused', reason: 'not_approved', message: messages.refusedNotApproved };
    if (survey.state !== 'approved') return wrongState(survey.state);
    const people = await audienceOf(survey);
    await store.openParticipation(id, people, reportingUnits(people, deps.directory, deps.policy.k), now());
    const text = fillTemplate(messages.surveyInvite, {
      title: survey.title,
      closes: closesText(survey),
      intro: survey.intro ?? '',
      k: String(deps.policy.k),
    }).replace(/\s+ /g, ' ');
    await deps.outbox.enqueue(surveyJob(id, 'invite'), { kind: 'survey-invite', text, title: survey.title, surveyId: id }, people, now());
    const opensAt = survey.opensAt < now() ? survey.opensAt : now();
    if (!(await store.transition(id, 'approved', { state: 'open', opensAt }))) return wrongState('open');
    const opened = await after(id);
    return opened.kind === 'ok' ? { ...opened, invited: people.length } : opened;
  };

  /**
   * Writes what is left of a closed survey and reshuffles all its rows, so the last small batch cannot be
   * told apart. Every replica calls it from its HR job tick once it sees the survey closed.
   */
  const flushClosed = async (surveyId: string): Promise<void> => {
    if ((await responses.flush(surveyId, 1)) > 0) await store.reshuffle(surveyId);
  };

  const close = async (id: string): Promise<{ kind: 'ok'; survey: Survey } | Refused> => {
    const survey = await store.survey(id);
    if (!survey) return notFound;
    if (survey.state !== 'open') return wrongState(survey.state);
    if (!(await store.transition(id, 'open', { state: 'closed', closesAt: survey.closesAt < now() ? survey.closesAt : now() })))
      return wrongState('closed');
    await flushClosed(id);
    return after(id);
  };

  /** A failed batch write (database unreachable) keeps the buffer for the next response or the close. */
  const writeQuietly = async (surveyId: string): Promise<void> => {
    try {
      await responses.flush(surveyId, deps.policy.k);
    } catch (error) {
      deps.logger.error('hr-survey-batch-failed', { surveyId, error: describeError(error) });
    }
  };

  /** Stores a complete response (from the web form or the chat dialog). */
  const submit = async (personId: string, surveyId: string, raw: Readonly<Record<string, AnswerValue>>): Promise<SubmitResult> => {
    const survey = await store.survey(surveyId);
    if (!survey || !isOpen(survey))
      return { kind: 'ignored', reason: 'not_open', message: fillTemplate(messages.surveyNotOpen, { title: survey?.title ?? surveyId }) };
    if (!(await store.isEligible(surveyId, personId))) return { kind: 'ignored', reason: 'not_eligible', message: messages.noOpenSurvey };
    const alreadyAnswered = {
      kind: 'ignored' as const,
      reason: 'already_answered' as const,
      message: fillTemplate(messages.alreadyAnswered, { title: survey.title }),
    };
    if (responses.buffered(surveyId, personId) || (await store.hasAnswered(surveyId, personId))) return alreadyAnswered;
    const checked = checkResponse(survey, raw);
    if (!checked.ok) return { kind: 'invalid', questionId: checked.questionId };
    const unit = deps.directory.person(personId)?.unit ?? '';
    const reportingUnit = (await store.reportingUnits(surveyId))[unit] ?? '';
    const response = { personId, answers: [] as StoredAnswer[], texts: [] as { questionId: string; text: string }[] };
    for (const [questionId, value] of Object.entries(checked.answers)) {
      const question = survey.questions.find((entry) => entry.id === questionId)!;
      if (question.type === 'text') response.texts.push({ questionId, text: (deps.maskText ?? String)(String(value)) });
      else response.answers.push({ questionId, reportingUnit, value });
    }
    // Checked again after the awaits: the same person's second, concurrent submission is not buffered twice.
    if (responses.buffered(surveyId, personId)) return alreadyAnswered;
    if (responses.add(surveyId, response) >= deps.policy.k) await writeQuietly(surveyId);
    return { kind: 'stored', message: fillTemplate(messages.surveyThanks, { title: survey.title, k: String(deps.policy.k) }) };
  };

  /** Open surveys the person may still answer. */
  const openFor = async (personId: string): Promise<readonly Survey[]> => {
    const found: Survey[] = [];
    for (const survey of await store.surveys()) {
      if (
        isOpen(survey) &&
        !responses.buffered(survey.id, personId) &&
        (await store.isEligible(survey.id, personId)) &&
        !(await store.hasAnswered(survey.id, personId))
      )
        found.push(survey);
    }
    return found;
  };

  /**
   * Aggregates, only once answering has ended: snapshots taken while answers arrive would let a reader
   * difference two of them and see one person's answer in a small unit (issue #18, item 9).
   */
  const results = async (id: string): Promise<{ kind: 'ok'; results: SurveyResults } | Refused> => {
    const survey = await store.survey(id);
    if (!survey) return notFound;
    const ended = survey.state === 'closed' || (survey.state === 'open' && now() >= survey.closesAt);
    if (!ended) return { kind: 'refused', reason: 'wrong_state', message: messages.refusedResultsBeforeClose };
    const units = await store.reportingUnits(id);
    const texts = await store.texts(id);
    const answers = await store.answers(id);
    const respondents = (await store.participation(id)).answered;
    return {
      kind: 'ok',
      results: aggregateResults({
        survey,
        answers: [...answers, ...texts.map((text) => ({ questionId: text.questionId, reportingUnit: '', value: text.text }))],
        groups: [...new Set(Object.values(units))],
        respondents,
        k: deps.policy.k,
        reviewedTexts: (questionId) => texts.filter((text) => text.questionId === questionId && text.reviewed).map((text) => text.text),
        labelOf: (group) => (group === '' ? messages.wholeSurvey : (deps.directory.unit(group)?.name ?? group)),
      }),
    };
  };

  /** People of an open survey who have not answered (buffered responses count as answered). */
  const nonParticipants = async (id: string): Promise<readonly string[]> =>
    (await store.nonParticipants(id)).filter((personId) => !responses.buffered(id, personId));

  return {
    create,
    edit,
    revise,
    approve,
    open,
    close,
    submit,
    openFor,
    results,
    flushClosed,
    pending: responses.pending,
    nonParticipants,
    isOpen,
    closesText,
    get: async (id: string) => store.survey(id),
    list: async () => store.surveys(),
  };
}

/** The survey service's interface. */
export type SurveyService = ReturnType<typeof createSurveyService>;
