/**
 * A small pulse survey (scale + single choice) open from a minute ago for a day, for channel tests.
 */
import { surveyDraftSchema, type SurveyDraft } from '../../bot/core/hr/hr-schemas.ts';

/** The draft for `audience` (default: everyone in A36 and below). */
export function sampleSurveyDraft(
  audience: SurveyDraft['audience'] = { kind: 'units', units: ['A36'], includeSubunits: true },
): SurveyDraft {
  return surveyDraftSchema.parse({
    title: 'Kurzumfrage Arbeitsplatz',
    audience,
    opensAt: new Date(Date.now() - 60_000).toISOString(),
    closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    questions: [
      { id: 'zufrieden', type: 'scale', text: 'Wie zufrieden sind Sie mit Ihrem Arbeitsplatz?' },
      { id: 'kanal', type: 'single', text: 'Wo lesen Sie Neuigkeiten?', options: ['Teams', 'Jabber', 'Intranet'] },
    ],
  });
}
