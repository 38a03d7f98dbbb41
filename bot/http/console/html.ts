/**
 * Small HTML helpers for console pages: escaped tables, CSRF-protected forms, page responses.
 */
import type { Response } from 'restify';
import { escapeHtml } from '../pages.ts';

/** A table with a caption and header row; cells are escaped unless given as `{ html }`. */
export function table(
  caption: string,
  headers: readonly string[],
  rows: readonly (readonly (string | number | { html: string })[])[],
): string {
  const cell = (value: string | number | { html: string }): string => (typeof value === 'object' ? value.html : escapeHtml(String(value)));
  return `<table><caption>${escapeHtml(caption)}</caption><thead><tr>${headers.map((header) => `<th scope="col">${escapeHtml(header)}</th>`).join('')}</tr></thead>
<tbody>${rows.map((row) => `<tr>${row.map((value) => `<td>${cell(value)}</td>`).join('')}</tr>`).join('\n')}</tbody></table>`;
}

/** A POST form with the CSRF field; `inner` is trusted HTML. */
export function postForm(action: string, csrfToken: string, inner: string): string {
  return `<form method="post" action="${escapeHtml(action)}"><input type="hidden" name="_csrf" value="${escapeHtml(csrfToken)}">${inner}</form>`;
}

/** Sends an HTML page. */
export function sendHtml(response: Response, status: number, html: string): void {
  response.setHeader('Content-Type', 'text/html; charset=utf-8');
  response.setHeader('Cache-Control', 'no-store');
  response.sendRaw(status, html);
}

/** Redirects after a form post (post/redirect/get). */
export function seeOther(response: Response, location: string): void {
  response.setHeader('Location', location);
  response.send(303);
}
