import type { DataSubject, ErasureCounts, PersonalData, PersonalDataStore } from '../../bot/ports/personal-data.ts';

/** Nothing stored about a person. */
export function emptyPersonalData(): PersonalData {
  return {
    conversations: [],
    ticketsAsAsker: [],
    ticketsAsLotse: [],
    surveyParticipation: [],
    subscriptions: [],
    inbox: [],
    newsDeliveries: [],
    chatSessions: 0,
    pendingChatMessages: 0,
    loginSessions: 0,
    teamsConversations: 0,
    teamsMessages: 0,
  };
}

/**
 * Each person's records as `collect` returns them, by person id; asynchronous like the real store. An erasure
 * keeps what the real one keeps: answers given as Digitallotse and participation flags of surveys still open.
 */
export class InMemoryPersonalData implements PersonalDataStore {
  readonly records = new Map<string, PersonalData>();
  /** Surveys still open (their participation flags stay until they close). */
  readonly openSurveys = new Set<string>();

  async collect(subject: DataSubject): Promise<PersonalData> {
    return structuredClone(this.records.get(subject.personId) ?? emptyPersonalData());
  }

  async erase(subject: DataSubject): Promise<ErasureCounts> {
    const data = this.records.get(subject.personId) ?? emptyPersonalData();
    const keptFlags = data.surveyParticipation.filter((flag) => this.openSurveys.has(flag.surveyId));
    const messages = data.conversations.flatMap((conversation) => conversation.messages);
    this.records.set(subject.personId, { ...emptyPersonalData(), ticketsAsLotse: data.ticketsAsLotse, surveyParticipation: keptFlags });
    return {
      feedback: messages.filter((message) => message.feedback).length,
      messages: messages.length,
      conversations: data.conversations.length,
      tickets: data.ticketsAsAsker.length,
      surveyParticipation: data.surveyParticipation.length - keptFlags.length,
      subscriptions: data.subscriptions.length,
      newsDeliveries: data.newsDeliveries.length,
      inbox: data.inbox.length,
      absence: data.absence ? 1 : 0,
      chatSessions: data.chatSessions,
      pendingChatMessages: data.pendingChatMessages,
      loginSessions: data.loginSessions,
      teamsConversations: data.teamsConversations,
      teamsMessages: data.teamsMessages,
      teamsPreferences: data.teamsPlainLanguage === undefined ? 0 : 1,
    };
  }
}
