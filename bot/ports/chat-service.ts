/**
 * What channels (web chat, CLI, Teams, Jabber) call: the conversation core behind one interface.
 */
import { z } from 'zod';
import type { InboundMessage, TurnResult } from './turn.ts';

/** Longest question accepted, in characters. */
export const maxQuestionLength = 2000;

/** Validates question text at every channel boundary (German messages for the asker). */
export const questionTextSchema = z
  .string({ error: 'Bitte geben Sie eine Frage als Text ein.' })
  .transform((text) => text.replace(/\u0000/g, '').trim())
  .pipe(
    z
      .string()
      .min(1, { error: 'Bitte geben Sie eine Frage ein – das Eingabefeld ist leer.' })
      .max(maxQuestionLength, {
        error: `Ihre Frage ist zu lang (höchstens ${maxQuestionLength} Zeichen). Bitte kürzen Sie sie.`,
      })
      .refine((text) => !/[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(text), {
        error: 'Die Eingabe enthält Steuerzeichen oder Binärdaten und kann nicht als Frage gelesen werden.',
      })
      .refine((text) => !text.includes('\uFFFD'), {
        error: 'Die Eingabe enthält ungültige Zeichen (keine gültige UTF-8-Kodierung). Bitte geben Sie die Frage erneut ein.',
      }),
  );

/** Feedback on one answer. */
export interface FeedbackInput {
  readonly userId: string;
  readonly messageId: string;
  readonly rating: 'up' | 'down';
  readonly reason?: string;
}

/** Whether feedback was stored. */
export type FeedbackOutcome = { readonly kind: 'recorded' } | { readonly kind: 'not_found' };

/** Readiness of the service (index loaded, store open). */
export interface ServiceStatus {
  readonly ready: boolean;
  readonly documents: number;
  readonly chunks: number;
  readonly indexVersion: string;
}

/** The conversation core as seen by channels. */
export interface ChatService {
  /** Answers one message; `onDelta` receives verified sentences of a generated answer as they arrive. */
  handleTurn(message: InboundMessage, options?: { onDelta?: (text: string) => void }): Promise<TurnResult>;
  recordFeedback(input: FeedbackInput): Promise<FeedbackOutcome>;
  /** Readiness; may wait for a database ping (never blocks the event loop). */
  status(): Promise<ServiceStatus>;
}
