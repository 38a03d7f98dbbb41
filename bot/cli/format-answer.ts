/**
 * Renders a turn result as German text for people reading a terminal.
 */
import type { TurnResult } from '../ports/turn.ts';
import { formatGermanDate } from '../core/answer/format-date.ts';

/** The answer, its numbered sources with quotes, and the AI label (not under the reply to bare small talk). */
export function formatAnswerForPeople(result: TurnResult, aiLabel: string): string {
  const lines = [result.answer, ''];
  if (result.citations.length > 0) {
    lines.push('Quellen:');
    result.citations.forEach((citation, index) => {
      const section = citation.section ? ` – ${citation.section}` : '';
      const stand = citation.stand ? ` (Stand ${formatGermanDate(citation.stand)})` : '';
      lines.push(`[${index + 1}] ${citation.title}${section}${stand} – ${citation.document}`);
      lines.push(`    „${citation.quote}“`);
    });
    lines.push('');
  }
  // The reply to a bare greeting or thanks is our own text, answered without any source: no label, no certainty.
  // "Treffsicherheit" (not "Sicherheit", which reads as security) and only for answers from sources (issue #19).
  const certainty =
    result.outcome === 'answered' && result.citations.length > 0 ? ` Treffsicherheit: ${Math.round(result.confidence * 100)} %` : '';
  if (result.outcome !== 'answered' || result.provenance.mode !== 'none') lines.push(`${aiLabel}${certainty}`);
  return lines.join('\n') + '\n';
}
