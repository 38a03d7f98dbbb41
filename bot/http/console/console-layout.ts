/**
 * The frame of every console and login page: German, accessible (landmarks, skip link, labelled
 * tables), no inline script, styles from `/assets/console.css`.
 */
import type { Principal } from '../../ports/identity.ts';
import { escapeHtml } from '../pages.ts';
import type { ConsoleTexts } from './console-texts.ts';

/** A link in the console navigation, shown only to roles that may open it. */
export interface NavEntry {
  readonly href: string;
  readonly label: string;
}

/** Renders a complete page; `principal` adds the header with name, roles and the logout form. */
export function renderConsolePage(texts: ConsoleTexts, page: { title: string; body: string; principal?: Principal; csrfToken?: string; nav?: readonly NavEntry[]; banner?: string }): string {
  const header = page.principal
    ? `<header class="console-header"><p>${escapeHtml(texts.signedInAs)} <strong>${escapeHtml(page.principal.displayName)}</strong> · ${escapeHtml(texts.rolesLabel)}: ${escapeHtml(page.principal.roles.join(', '))}</p>
<form method="post" action="/logout"><input type="hidden" name="_csrf" value="${escapeHtml(page.csrfToken ?? '')}"><button type="submit">${escapeHtml(texts.logout)}</button></form></header>`
    : '';
  const nav = page.nav?.length
    ? `<nav aria-label="Konsole"><ul>${page.nav.map((entry) => `<li><a href="${escapeHtml(entry.href)}">${escapeHtml(entry.label)}</a></li>`).join('')}<li><a href="/">${escapeHtml(texts.backToChat)}</a></li></ul></nav>`
    : '';
  const banner = page.banner ? `<p class="console-banner" role="alert">${escapeHtml(page.banner)}</p>` : '';
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)} – ${escapeHtml(texts.consoleTitle)}</title>
<link rel="stylesheet" href="/assets/console.css">
</head>
<body>
<a class="skip-link" href="#main">Zum Inhalt springen</a>
${banner}${header}${nav}
<main id="main">
<h1>${escapeHtml(page.title)}</h1>
${page.body}
</main>
</body>
</html>
`;
}
