/**
 * HR in chat, for every channel: "Umfrage" starts the open survey one question at a time, numbered
 * replies answer it, "abbrechen" cancels; "Newsletter abonnieren <Thema>" / "Newsletter abbestellen
 * <Thema>" manage topic subscriptions; „zur Kenntnis genommen“ acknowledges the newest broadcast that asks for it. Returns `undefined` for messages that are not HR's, so the channel
 * passes them on to the normal answer pipeline. Dialog state is kept in memory only (on several replicas
 * Jabber runs on one of them; Teams sends the whole survey as one card and needs no dialog state).
 */
import type { Outbox, Subscriptions } from '../../ports/hr-store.ts';
import type { HrPolicy } from '../../ports/hr-types.ts';
import { fillTemplate } from '../answer/answer-messages.ts';
import type { HrMessages } from './hr-messages.ts';
import { advanceDialog, startDialog, type DialogState } from './survey-dialog.ts';
import type { SurveyService } from './survey-service.ts';

/** Dependencies of the chat handler. */
export interface HrChatDeps {
  readonly surveys: SurveyService;
  readonly subscriptions: Subscriptions;
  readonly outbox: Outbox;
  /** Records the acknowledgement of a job (the broadcast service). */
  readonly acknowledge: (personId: string, job: string) => Promise<boolean>;
  readonly policy: HrPolicy;
  readonly messages: HrMessages;
}

const subscriptionCommand = /^newsletter\s+(abonnieren|abbestellen)\s+(\S+)\s*$/i;

/** Creates the chat handler; `handle(personId, text)` returns the reply or `undefined`. */
export function createHrChat(deps: HrChatDeps) {
  const { messages } = deps;
  const sessions = new Map<string, DialogState>();

  const continueDialog = async (personId: string, session: DialogState, text: string): Promise<string> => {
    const survey = await deps.surveys.get(session.surveyId);
    if (!survey || !deps.surveys.isOpen(survey)) {
      sessions.delete(personId);
      return fillTemplate(messages.surveyNotOpen, { title: survey?.title ?? session.surveyId });
    }
    const step = advanceDialog(survey, session, text, messages);
    if (step.kind === 'next') {
      sessions.set(personId, step.state);
      return step.reply;
    }
    sessions.delete(personId);
    if (step.kind === 'cancelled') return messages.surveyCancelled;
    const result = await deps.surveys.submit(personId, survey.id, step.answers);
    return result.kind === 'invalid' ? messages.surveyCancelled : result.message;
  };

  const subscription = async (personId: string, action: string, topicId: string): Promise<string> => {
    const topic = deps.policy.topics.find(
      (entry) => entry.id === topicId.toLowerCase() || entry.name.toLowerCase() === topicId.toLowerCase(),
    );
    if (!topic)
      return fillTemplate(messages.unknownTopic, { topic: topicId, topics: deps.policy.topics.map((entry) => entry.id).join(', ') });
    if (action.toLowerCase() === 'abonnieren') await deps.subscriptions.subscribe(personId, topic.id);
    else await deps.subscriptions.unsubscribe(personId, topic.id);
    return fillTemplate(action.toLowerCase() === 'abonnieren' ? messages.subscribed : messages.unsubscribed, { topic: topic.name });
  };

  return {
    async handle(personId: string, text: string): Promise<string | undefined> {
      const session = sessions.get(personId);
      if (session) return continueDialog(personId, session, text);
      const trimmed = text.trim();
      if (/^umfrage\.?$/i.test(trimmed)) {
        const survey = (await deps.surveys.openFor(personId))[0];
        if (!survey) return messages.noOpenSurvey;
        const started = startDialog(survey, messages);
        sessions.set(personId, started.state);
        return started.reply;
      }
      if (/^zur kenntnis genommen\.?$/i.test(trimmed)) {
        const job = (await deps.outbox.unacknowledged(personId))[0];
        return job && (await deps.acknowledge(personId, job)) ? messages.acknowledged : messages.nothingToAcknowledge;
      }
      if (/^newsletter\??$/i.test(trimmed)) {
        const mine = new Set(await deps.subscriptions.topicsOf(personId));
        const topics = deps.policy.topics.map((topic) => `${mine.has(topic.id) ? '✓ ' : ''}${topic.id} (${topic.name})`).join(', ');
        return fillTemplate(messages.topicsList, { topics });
      }
      const command = subscriptionCommand.exec(trimmed);
      return command ? subscription(personId, command[1]!, command[2]!) : undefined;
    },
    /** Whether the person is in the middle of a survey (the channel then routes every reply here). */
    inDialog: (personId: string): boolean => sessions.has(personId),
    /** The survey and question a person is at in the chat dialog (Jabber; Teams uses one card per survey instead). */
    position: (personId: string): { readonly surveyId: string; readonly index: number } | undefined => {
      const session = sessions.get(personId);
      return session ? { surveyId: session.surveyId, index: session.index } : undefined;
    },
  };
}

/** The chat handler's interface. */
export type HrChat = ReturnType<typeof createHrChat>;
