import { describe, expect, it } from 'vitest';
import { broadcastCard, readSurveyCard, resultsCard, surveyCard } from '../../../../../bot/adapters/channels/teams/hr-cards.ts';
import { aggregateResults } from '../../../../../bot/core/hr/k-anonymous-results.ts';
import type { Survey } from '../../../../../bot/ports/hr-types.ts';

const survey: Survey = {
  id: 'survey-1',
  version: 1,
  state: 'open',
  title: 'Puls',
  audience: { kind: 'all' },
  opensAt: '2026-12-01T00:00:00Z',
  closesAt: '2026-12-08T00:00:00Z',
  author: 'hr1',
  createdAt: '2026-11-30T00:00:00Z',
  questions: [
    { id: 'q1', type: 'scale', text: 'Wie geht es?' },
    { id: 'q2', type: 'multiple', text: 'Themen?', options: ['KI', 'Akte'], optional: true },
  ],
};

describe('HR cards', () => {
  it('renders a broadcast with image, link and the acknowledge button', () => {
    const card = broadcastCard(
      {
        kind: 'broadcast',
        title: 'Neu',
        text: 'Text',
        image: 'data:image/png;base64,AA==',
        link: 'https://intranet.example/x',
        acknowledgeJob: 'broadcast:b1',
      },
      { acknowledge: 'Zur Kenntnis genommen', link: 'Mehr lesen' },
    );
    expect(card.body.map((element) => (element as { type: string }).type)).toEqual(['TextBlock', 'Image', 'TextBlock']);
    expect(card.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Mehr lesen', url: 'https://intranet.example/x' },
      { type: 'Action.Submit', title: 'Zur Kenntnis genommen', data: { hr: 'acknowledge', job: 'broadcast:b1' } },
    ]);
  });

  it('renders the whole survey as one card with one input per question and a single submit', () => {
    const card = surveyCard(survey, { submit: 'Antwort senden', header: 'Puls' });
    expect(card.body.map((element) => (element as { id?: string }).id)).toEqual([undefined, 'q_q1', 'q_q2']);
    expect(card.body[1]).toMatchObject({ type: 'Input.ChoiceSet', isMultiSelect: false, isRequired: true });
    expect(card.body[2]).toMatchObject({
      type: 'Input.ChoiceSet',
      isMultiSelect: true,
      isRequired: false,
      choices: [
        { title: 'KI', value: '1' },
        { title: 'Akte', value: '2' },
      ],
    });
    expect(card.actions).toEqual([{ type: 'Action.Submit', title: 'Antwort senden', data: { hr: 'survey-submit', surveyId: 'survey-1' } }]);
  });

  it('reads submitted card values in the chat convention and leaves empty inputs out', () => {
    expect(readSurveyCard(survey, { hr: 'survey-submit', surveyId: 'survey-1', q_q1: '4', q_q2: '1,2' })).toEqual({ q1: 4, q2: [0, 1] });
    expect(readSurveyCard(survey, { q_q1: '3', q_q2: '' })).toEqual({ q1: 3 });
    expect(readSurveyCard(survey, { q_q1: 'viel' }).q1).toBeNaN();
    expect(readSurveyCard(survey, { q_q1: 4 })).toEqual({});
  });

  it('charts only questions with k answers', () => {
    const answers = Array.from({ length: 5 }, (_, index) => ({ questionId: 'q1', reportingUnit: '', value: (index % 2) + 1 }));
    const results = aggregateResults({
      survey,
      answers,
      groups: [''],
      respondents: 5,
      k: 5,
      reviewedTexts: () => [],
      labelOf: () => 'Gesamt',
    });
    const card = resultsCard(results, { title: 'Digitalisierung in Zahlen', suppressed: 'zu wenige Antworten' });
    expect(card.body[1]).toMatchObject({
      type: 'Chart.VerticalBar',
      data: [
        { x: '1', y: 3 },
        { x: '2', y: 2 },
        { x: '3', y: 0 },
        { x: '4', y: 0 },
        { x: '5', y: 0 },
      ],
    });
    expect(card.body[2]).toEqual({ type: 'TextBlock', text: 'Themen?: zu wenige Antworten', wrap: true });
  });
});
