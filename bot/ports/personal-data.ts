/**
 * A person's stored data for data-subject requests (GDPR Art. 15 access, Art. 17 erasure; issue #22). The
 * pseudonymous audit trail is not part of it: it is kept for its retention as the accountability record
 * the Dienstvereinbarung KI requires (Art. 17 Abs. 3 lit. b/e) and never names the person in clear.
 */

/** Who the request is about: the directory id and every key their records may be stored under. */
export interface DataSubject {
  readonly personId: string;
  /** Keys conversations may be stored under (the id itself and its audit pseudonym). */
  readonly ownerKeys: readonly string[];
  /** Jabber address, for the chat session kept per JID. */
  readonly jid?: string;
  /** Entra ID object id, for the Teams conversation references kept per user. */
  readonly aadObjectId?: string;
}

/** One stored message of the person's conversations, with their rating of it. */
export interface ExportedMessage {
  readonly role: string;
  readonly text: string;
  readonly createdAt: string;
  readonly feedback?: { readonly rating: string; readonly reason?: string; readonly at: string };
}

/** Everything lotse keeps about a person (survey answers are anonymous and never linked: only participation flags). */
export interface PersonalData {
  readonly conversations: readonly {
    readonly id: string;
    readonly channel: string;
    readonly createdAt: string;
    readonly messages: readonly ExportedMessage[];
  }[];
  readonly ticketsAsAsker: readonly {
    readonly number: number;
    readonly state: string;
    readonly question: string;
    readonly createdAt: string;
    readonly answer?: string;
    readonly returnedNote?: string;
  }[];
  /** Tickets the person worked on as a Digitallotse (their answers; kept on erasure: they belong to the asker's request). */
  readonly ticketsAsLotse: readonly {
    readonly number: number;
    readonly state: string;
    readonly answer?: string;
    readonly answeredAt?: string;
  }[];
  readonly surveyParticipation: readonly { readonly surveyId: string; readonly invitedOn: string; readonly answered: boolean }[];
  readonly subscriptions: readonly string[];
  readonly inbox: readonly { readonly kind: string; readonly text: string; readonly createdAt: string }[];
  readonly newsDeliveries: readonly { readonly job: string; readonly state: string; readonly acknowledgedOn?: string }[];
  readonly absence?: { readonly until: string };
  readonly chatSessions: number;
  /** Jabber messages to the person not yet delivered. */
  readonly pendingChatMessages: number;
  readonly loginSessions: number;
  /** Teams conversation references of the person (for proactive messages). */
  readonly teamsConversations: number;
  /** Teams messages to the person, pending or sent, still in the outbox. */
  readonly teamsMessages: number;
  /** "einfach"/"normal" in Teams (Leichte Sprache), when the person chose. */
  readonly teamsPlainLanguage?: boolean;
}

/** How many records of each kind an erasure deleted. */
export type ErasureCounts = Readonly<Record<string, number>>;

/** Reads and deletes a person's records across the stores. Asynchronous (issue #20). */
export interface PersonalDataStore {
  collect(subject: DataSubject): Promise<PersonalData>;
  /** Deletes everything `collect` returns (answers given as Digitallotse and flags of open surveys stay), in one transaction. */
  erase(subject: DataSubject): Promise<ErasureCounts>;
}
