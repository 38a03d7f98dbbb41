/**
 * Data-subject requests (GDPR Art. 15 access, Art. 17 erasure; issue #22), run by the Datenschutzbeauftragte
 * only. Each request is audited under the person's pseudonym (never the id in clear) with the article as
 * clause; the pseudonymous audit trail itself is kept for its retention and is named as such in the export.
 *
 * @example requests.erase({ subject: 'p-marek', by: 'p-dana' }) // → { kind: 'erased', counts: { conversations: 2, … } }
 */
import type { AuditEntry } from '../../ports/audit-log.ts';
import type { Clock } from '../../ports/clock.ts';
import type { Directory } from '../../ports/directory.ts';
import type { ErasureCounts, PersonalData, PersonalDataStore } from '../../ports/personal-data.ts';
import { fillTemplate } from '../answer/answer-messages.ts';

/** German texts (`prompts/messages/privacy.de.yaml`). */
export interface PrivacyTexts {
  readonly notDsb: string;
  /** Placeholder `{retention}`: days the audit keeps pseudonymous records. */
  readonly auditKept: string;
  readonly surveyAnswers: string;
  /** Placeholder `{count}`: participation flags of surveys still open. */
  readonly openSurveysKept: string;
  readonly erased: string;
  /** Answers given as Digitallotse stay with the asker's request. */
  readonly lotseAnswersKept: string;
}

/** What the requests need. */
export interface DataSubjectDeps {
  readonly store: PersonalDataStore;
  readonly directory: Directory;
  readonly audit: { append(entry: AuditEntry): Promise<void> };
  /** The audit pseudonym of a user id (also the key conversations are stored under). */
  readonly pseudonym: (userId: string) => string;
  readonly clock: Clock;
  readonly texts: PrivacyTexts;
  readonly policyVersion: string;
  readonly indexVersion: () => string;
  /** Longest audit retention in days (named in the export). */
  readonly auditRetentionDays: number;
}

/** Outcome of a request. */
export type DataSubjectResult =
  | { readonly kind: 'exported'; readonly subject: string; readonly data: PersonalData; readonly notes: readonly string[] }
  | { readonly kind: 'erased'; readonly subject: string; readonly counts: ErasureCounts; readonly notes: readonly string[] }
  | { readonly kind: 'refused'; readonly reason: 'not_dsb'; readonly text: string };

/** Creates the two requests over the personal-data store. */
export function createDataSubjectRequests(deps: DataSubjectDeps) {
  const subjectOf = (personId: string) => {
    const person = deps.directory.person(personId);
    return {
      personId,
      ownerKeys: [personId, deps.pseudonym(personId)],
      ...(person?.jid ? { jid: person.jid } : {}),
      ...(person?.aadObjectId ? { aadObjectId: person.aadObjectId } : {}),
    };
  };
  const isDsb = (by: string): boolean => deps.directory.person(by)?.roles.includes('dsb') ?? false;
  const record = (personId: string, article: 15 | 17): Promise<void> =>
    deps.audit.append({
      // The DSB's accountability class for acts about one person (as re-identification), kept 730 days.
      type: 'reidentification',
      at: deps.clock.now().toISOString(),
      pseudonym: deps.pseudonym(personId),
      channel: 'cli',
      outcome: 'answered',
      rules: [{ id: article === 15 ? 'gdpr-access' : 'gdpr-erasure', clause: `DSGVO Art. ${article}`, action: 'allow' }],
      policyVersion: deps.policyVersion,
      indexVersion: deps.indexVersion(),
      documents: [],
    });
  const notes = (): string[] => [
    fillTemplate(deps.texts.auditKept, { retention: String(deps.auditRetentionDays) }),
    deps.texts.surveyAnswers,
    deps.texts.lotseAnswersKept,
  ];

  return {
    /** Art. 15: everything stored about `subject`, for the DSB to hand over. */
    async export(input: { subject: string; by: string }): Promise<DataSubjectResult> {
      if (!isDsb(input.by)) return { kind: 'refused', reason: 'not_dsb', text: deps.texts.notDsb };
      const data = await deps.store.collect(subjectOf(input.subject));
      await record(input.subject, 15);
      return { kind: 'exported', subject: input.subject, data, notes: notes() };
    },
    /** Art. 17: deletes what `export` returns (flags of open surveys stay until they close). */
    async erase(input: { subject: string; by: string }): Promise<DataSubjectResult> {
      if (!isDsb(input.by)) return { kind: 'refused', reason: 'not_dsb', text: deps.texts.notDsb };
      const subject = subjectOf(input.subject);
      const before = (await deps.store.collect(subject)).surveyParticipation.length;
      const counts = await deps.store.erase(subject);
      await record(input.subject, 17);
      const kept = before - (counts.surveyParticipation ?? 0);
      return {
        kind: 'erased',
        subject: input.subject,
        counts,
        notes: [deps.texts.erased, ...notes(), ...(kept ? [fillTemplate(deps.texts.openSurveysKept, { count: String(kept) })] : [])],
      };
    },
  };
}

/** The requests' API. */
export type DataSubjectRequests = ReturnType<typeof createDataSubjectRequests>;
