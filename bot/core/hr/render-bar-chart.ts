/**
 * A small, dependency-free SVG bar chart for survey results, rendered on the server (no CDN, no script).
 * Accessible: `role="img"` with `<title>` and `<desc>` naming every value, plus an HTML data table.
 */

/** One bar. */
export interface Bar {
  readonly label: string;
  readonly value: number;
}

/** What to draw. */
export interface BarChart {
  readonly title: string;
  readonly description?: string;
  readonly bars: readonly Bar[];
}

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const shorten = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Renders a horizontal bar chart as a standalone SVG string. */
export function renderBarChart(chart: BarChart, idPrefix = 'chart'): string {
  const labelWidth = 220;
  const barArea = 300;
  const rowHeight = 28;
  const top = 36;
  const width = labelWidth + barArea + 60;
  const height = top + chart.bars.length * rowHeight + 12;
  const max = Math.max(1, ...chart.bars.map((bar) => bar.value));
  const summary = chart.bars.map((bar) => `${bar.label}: ${bar.value}`).join(', ');
  const desc = chart.description ? `${chart.description} ${summary}` : summary;
  const rows = chart.bars.map((bar, index) => {
    const y = top + index * rowHeight;
    const length = Math.round((bar.value / max) * barArea);
    return [
      `<text x="${labelWidth - 8}" y="${y + 18}" text-anchor="end" font-size="13">${escapeXml(shorten(bar.label, 32))}</text>`,
      `<rect x="${labelWidth}" y="${y + 4}" width="${length}" height="${rowHeight - 10}" fill="#1f5f8b"/>`,
      `<text x="${labelWidth + length + 6}" y="${y + 18}" font-size="13">${bar.value}</text>`,
    ].join('');
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${idPrefix}-title ${idPrefix}-desc" font-family="sans-serif">`,
    `<title id="${idPrefix}-title">${escapeXml(chart.title)}</title>`,
    `<desc id="${idPrefix}-desc">${escapeXml(desc)}</desc>`,
    `<text x="8" y="22" font-size="15" font-weight="bold">${escapeXml(shorten(chart.title, 70))}</text>`,
    ...rows,
    '</svg>',
  ].join('\n');
}

/** The same data as an accessible HTML table (for screen readers and copying). */
export function renderDataTable(chart: BarChart, headers: { label: string; value: string }): string {
  const rows = chart.bars.map((bar) => `<tr><th scope="row">${escapeXml(bar.label)}</th><td>${bar.value}</td></tr>`).join('');
  return `<table><caption>${escapeXml(chart.title)}</caption><thead><tr><th scope="col">${escapeXml(headers.label)}</th><th scope="col">${escapeXml(headers.value)}</th></tr></thead><tbody>${rows}</tbody></table>`;
}
