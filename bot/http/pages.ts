/**
 * Server-rendered HTML of the chat page and the usage-rules page. All text comes from the UI texts
 * and is escaped; the page script reads its texts from a JSON block (no inline script, CSP-safe).
 */
import type { UiTexts } from './ui-texts.ts';

/** Escapes text for HTML content and attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char);
}

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/assets/chat.css">
</head>
<body>
${body}
</body>
</html>
`;
}

/** The chat page. */
export function renderChatPage(texts: UiTexts): string {
  const json = JSON.stringify(texts).replace(/</g, '\\u003c');
  return layout(
    texts.pageTitle,
    `<a class="skip-link" href="#question">${escapeHtml(texts.skipLink)}</a>
<header class="site-header">
  <h1>${escapeHtml(texts.heading)}</h1>
  <p>${escapeHtml(texts.subheading)}</p>
</header>
<main id="main">
  <section aria-label="${escapeHtml(texts.conversationLabel)}">
    <ol id="conversation" class="conversation" aria-live="polite" aria-relevant="additions"></ol>
    <p id="status" class="status" role="status"></p>
  </section>
  <form id="ask-form" class="ask-form">
    <label for="question">${escapeHtml(texts.inputLabel)}</label>
    <div class="ask-row">
      <textarea id="question" name="question" rows="2" maxlength="2000" required placeholder="${escapeHtml(texts.inputPlaceholder)}"></textarea>
      <button type="submit" id="send">${escapeHtml(texts.send)}</button>
    </div>
    <button type="button" id="new-conversation" class="secondary">${escapeHtml(texts.newConversation)}</button>
  </form>
</main>
<footer class="site-footer"><p>${escapeHtml(texts.footer)} <a href="/nutzungshinweise">${escapeHtml(texts.usageRulesLink)}</a></p></footer>
<script type="application/json" id="ui-texts">${json}</script>
<script type="module" src="/assets/chat.js"></script>`,
  );
}

/** The usage-rules (transparency) page. */
export function renderUsageRulesPage(texts: UiTexts): string {
  const paragraphs = texts.usageRulesBody.map((paragraph) => `  <p>${escapeHtml(paragraph)}</p>`).join('\n');
  return layout(
    texts.usageRulesTitle,
    `<main id="main" class="usage-rules">
  <h1>${escapeHtml(texts.usageRulesTitle)}</h1>
${paragraphs}
  <p><a href="/">${escapeHtml(texts.backToChat)}</a></p>
</main>`,
  );
}
