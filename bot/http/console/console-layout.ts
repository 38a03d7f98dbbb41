/**
 * The frame of every console and login page: German, accessible (one banner, one labelled navigation,
 * one main, skip link, the current page marked), no inline script, styles from `/assets/console.css`
 * in the colours of the web chat.
 */
import type { Principal } from '../../ports/identity.ts';
import { escapeHtml } from '../pages.ts';
import { roleNames, type ConsoleTexts } from './console-texts.ts';

/** A link in the console navigation, shown only to roles that may open it. */
export interface NavEntry {
  readonly href: string;
  readonly label: string;
}

/** What one page shows; `principal` adds name, roles and the logout form, `current` marks the open navigation entry. */
export interface ConsolePageParts {
  readonly title: string;
  readonly body: string;
  readonly principal?: Principal;
  readonly csrfToken?: string;
  readonly nav?: readonly NavEntry[];
  readonly current?: string;
  readonly banner?: string;
}

function headerOf(texts: ConsoleTexts, page: ConsolePageParts): string {
  const banner = page.banner ? `<p class="console-banner" role="alert">${escapeHtml(page.banner)}</p>` : '';
  const user = page.principal
    ? `<div class="console-user"><a class="console-chat" href="/">${escapeHtml(texts.backToChat)}</a><p>${escapeHtml(texts.signedInAs)} <strong>${escapeHtml(page.principal.displayName)}</strong><br><span class="muted">${escapeHtml(texts.rolesLabel)}: ${escapeHtml(roleNames(texts, page.principal.roles))}</span></p>
<form method="post" action="/logout"><input type="hidden" name="_csrf" value="${escapeHtml(page.csrfToken ?? '')}"><button type="submit" class="secondary">${escapeHtml(texts.logout)}</button></form></div>`
    : '';
  return `<header class="console-header"><div class="console-bar"><p class="console-brand"><a href="${page.principal ? '/konsole' : '/'}">${escapeHtml(texts.consoleTitle)}</a></p>${user}</div>${banner}</header>`;
}

function navOf(texts: ConsoleTexts, page: ConsolePageParts): string {
  if (!page.nav?.length) return '';
  const item = (entry: NavEntry): string =>
    `<li><a href="${escapeHtml(entry.href)}"${entry.href === page.current ? ' aria-current="page"' : ''}>${escapeHtml(entry.label)}</a></li>`;
  return `<nav class="console-nav" aria-label="${escapeHtml(texts.navLabel)}"><ul>${[{ href: '/konsole', label: texts.overviewTitle }, ...page.nav].map(item).join('')}</ul></nav>`;
}

/** Renders a complete page. */
export function renderConsolePage(texts: ConsoleTexts, page: ConsolePageParts): string {
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)} – ${escapeHtml(texts.consoleTitle)}</title>
<link rel="stylesheet" href="/assets/console.css">
</head>
<body>
<a class="skip-link" href="#main">${escapeHtml(texts.skipLink)}</a>
${headerOf(texts, page)}
${navOf(texts, page)}
<main id="main">
<h1>${escapeHtml(page.title)}</h1>
${page.body}
</main>
</body>
</html>
`;
}
