/**
 * Issue #18, item 14 (CSV): survey results are opened in Excel; an option text or unit name written as
 * `=HYPERLINK(…)` must stay text, and the download carries a UTF-8 BOM so umlauts survive.
 */
import { describe, it } from 'vitest';
import { resultsCsvDownload, resultsToCsv } from '../../../bot/core/hr/results-export.ts';
import type { SurveyResults } from '../../../bot/core/hr/k-anonymous-results.ts';
import { securityTable } from './security-table.ts';

const table = securityTable('CSV export (issue #18, item 14)');

function resultsWith(option: string, unit: string): SurveyResults {
  return {
    surveyId: 's',
    title: 't',
    k: 5,
    respondents: 6,
    questions: [
      {
        questionId: 'q1',
        text: 'x',
        type: 'single',
        options: [option, 'nein'],
        texts: [],
        total: { group: '', label: 'Gesamt', n: 6, counts: [4, 2], mean: null },
        groups: [{ group: 'A', label: unit, n: 6, counts: [4, 2], mean: null }],
      },
    ],
  };
}

/** The cell of the first data row's answer column and the group column of the third row. */
function cells(csv: string): { option: string; unit: string } {
  const rows = csv.replace(/^\uFEFF/, '').split('\r\n');
  return { option: rows[1]!.split(';')[3]!, unit: rows[3]!.split(';')[1]! };
}

describe('CSV export of survey results', () => {
  it('keeps formula-looking cells as text', () => {
    for (const payload of ['=HYPERLINK("http://evil.example","klick")', '+1+1', '-2+3', '@SUM(1)', '\t=1+1']) {
      const { option, unit } = cells(resultsToCsv(resultsWith(payload, payload)));
      const neutral = (cell: string): boolean => !/^"?[=+\-@\t\r]/.test(cell);
      table.record(
        `option/unit text ${JSON.stringify(payload)}`,
        'text',
        neutral(option) && neutral(unit) ? 'text' : `formula (${option})`,
      );
    }
    table.record('ordinary option "ja, gern" unchanged', 'ja, gern', cells(resultsToCsv(resultsWith('ja, gern', 'Amt A'))).option);
  });

  it('starts the download with a UTF-8 BOM for Excel', () => {
    const csv = resultsCsvDownload(resultsWith('ja', 'Straßenverkehrsamt'));
    table.record('CSV download starts with U+FEFF', 'BOM', csv.startsWith('\uFEFF') ? 'BOM' : 'no BOM');
  });
});
