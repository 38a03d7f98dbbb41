import { describe, expect, it } from 'vitest';
import { renderBarChart, renderDataTable } from '../../../../bot/core/hr/render-bar-chart.ts';
import { resultsToCsv } from '../../../../bot/core/hr/results-export.ts';

const chart = {
  title: 'Zufriedenheit <Ausstattung> & "Technik"',
  description: 'n = 12.',
  bars: [
    { label: '1', value: 2 },
    { label: '5', value: 10 },
  ],
};

describe('renderBarChart', () => {
  it('is an accessible, self-contained SVG with escaped text', () => {
    const svg = renderBarChart(chart, 'c1');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]+role="img" aria-labelledby="c1-title c1-desc"/);
    expect(svg).toContain('<title id="c1-title">Zufriedenheit &lt;Ausstattung&gt; &amp; &quot;Technik&quot;</title>');
    expect(svg).toContain('<desc id="c1-desc">n = 12. 1: 2, 5: 10</desc>');
    expect(svg).not.toMatch(/<script|href=|https?:\/\/(?!www.w3.org)/);
  });

  it('scales bars to the largest value', () => {
    const widths = [...renderBarChart(chart).matchAll(/<rect [^>]*width="(\d+)"/g)].map((match) => Number(match[1]));
    expect(widths).toEqual([60, 300]);
  });

  it('offers the same data as a table', () => {
    expect(renderDataTable(chart, { label: 'Antwort', value: 'Anzahl' })).toContain('<tr><th scope="row">5</th><td>10</td></tr>');
  });
});

describe('resultsToCsv', () => {
  it('quotes cells with separators and marks suppressed groups', () => {
    const csv = resultsToCsv({
      surveyId: 's',
      title: 't',
      k: 5,
      respondents: 6,
      questions: [
        {
          questionId: 'q1',
          text: 'x',
          type: 'single',
          options: ['ja; gern', 'nein'],
          texts: [],
          total: { group: '', label: 'Gesamt', n: 6, counts: [4, 2], mean: null },
          groups: [{ group: 'A', label: 'Amt "A"', n: null, counts: null, mean: null }],
        },
      ],
    });
    expect(csv.split('\r\n')).toEqual([
      'frage;gruppe;n;antwort;anzahl',
      'q1;Gesamt;6;"ja; gern";4',
      'q1;Gesamt;6;nein;2',
      'q1;"Amt ""A""";<5;;',
      '',
    ]);
  });
});
