/**
 * Shared types of HR news and pulse surveys (issue #10): audiences, the broadcast policy, broadcasts and
 * their per-recipient outbox, surveys and their lifecycle. Pure data, no behaviour.
 */
import type { Role } from './directory.ts';

/** Who a broadcast or survey goes to. */
export type Audience =
  | { readonly kind: 'all' }
  | { readonly kind: 'units'; readonly units: readonly string[]; readonly includeSubunits: boolean }
  | { readonly kind: 'roles'; readonly roles: readonly Role[] }
  | { readonly kind: 'topic'; readonly topic: string };

/** The audience kinds a sender rule can allow. */
export type AudienceKind = Audience['kind'];

/** One rule of `policies/broadcasts.yaml`: holders of `role` may address these audience kinds (and units). */
export interface SenderRule {
  readonly role: Role;
  readonly audiences: readonly AudienceKind[];
  /** When set, unit audiences must lie inside these units (with their sub-units). */
  readonly units?: readonly string[];
}

/** The validated broadcast and survey policy. */
export interface HrPolicy {
  readonly version: string;
  /** Smallest group whose results are shown (k-anonymity). */
  readonly k: number;
  readonly senders: readonly SenderRule[];
  /** Whether a second authorised person must release a broadcast. */
  readonly fourEyes: boolean;
  /** Roles that may give the second release under four eyes (the author never releases their own). */
  readonly releaseRoles: readonly Role[];
  /** Messages per second per channel (`default` for channels not listed). */
  readonly ratePerSecond: Readonly<Record<string, number>>;
  readonly retry: { readonly maxAttempts: number; readonly backoffSeconds: number };
  readonly reminder: { readonly intervalHours: number; readonly max: number };
  readonly imageMaxBytes: number;
  readonly topics: readonly { readonly id: string; readonly name: string }[];
}

/** What HR writes. */
export interface BroadcastContent {
  readonly title: string;
  readonly text: string;
  readonly link?: string;
  /** An image as `data:image/...;base64,` URL (size-checked against the policy). */
  readonly image?: string;
  /** Shows a "zur Kenntnis genommen" button. */
  readonly acknowledge: boolean;
}

/** Lifecycle of a broadcast. */
export type BroadcastState = 'draft' | 'released' | 'sending' | 'sent' | 'cancelled';

/** A broadcast with its audience and schedule. */
export interface Broadcast {
  readonly id: string;
  readonly state: BroadcastState;
  readonly author: string;
  readonly content: BroadcastContent;
  readonly audience: Audience;
  /** ISO time; sent at the first job run at or after it. */
  readonly sendAt: string;
  readonly createdAt: string;
  readonly releasedBy?: string;
  readonly releasedAt?: string;
}

/** A delivery report: counts only, never who acknowledged. */
export interface DeliveryReport {
  readonly recipients: number;
  readonly pending: number;
  readonly sent: number;
  readonly failed: number;
  readonly acknowledged: number;
  readonly failures: readonly { readonly reason: string; readonly count: number }[];
}

/** Question types of a pulse survey. */
export type QuestionType = 'scale' | 'single' | 'multiple' | 'text';

/** One question. `options` for single/multiple; scale is 1–5 with optional end labels. */
export interface SurveyQuestion {
  readonly id: string;
  readonly type: QuestionType;
  readonly text: string;
  readonly options?: readonly string[];
  readonly optional?: boolean;
}

/** Lifecycle of a survey: edits only as draft; a started survey is revised as a new version. */
export type SurveyState = 'draft' | 'approved' | 'open' | 'closed';

/** A survey with its approval record. */
export interface Survey {
  readonly id: string;
  readonly version: number;
  readonly state: SurveyState;
  readonly title: string;
  readonly intro?: string;
  readonly questions: readonly SurveyQuestion[];
  readonly audience: Audience;
  readonly opensAt: string;
  readonly closesAt: string;
  readonly author: string;
  readonly createdAt: string;
  readonly approvedBy?: string;
  readonly approvedAt?: string;
  readonly supersedes?: string;
}

/** One answer value: scale 1–5, option index, option indexes, or text. */
export type AnswerValue = number | readonly number[] | string;

/** A complete response before it is stored (the person id never reaches the answer tables). */
export type ResponseAnswers = Readonly<Record<string, AnswerValue>>;

/** A stored answer row: no person, no time, only the coarse reporting unit. */
export interface StoredAnswer {
  readonly questionId: string;
  readonly reportingUnit: string;
  readonly value: AnswerValue;
}
