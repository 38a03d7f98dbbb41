/**
 * Server-rendered HTML of the chat page and the usage-rules page. All text comes from the UI texts
 * and is escaped; the page script reads its texts from a JSON block (no inline script, CSP-safe).
 */
import type { UiTexts } from './ui-texts.ts';
import type { UsagePageTexts } from '../../prompts/load-transparency-texts.ts';

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
export function renderChatPage(texts: UiTexts, usageRulesUrl?: string): string {
  const json = JSON.stringify({ ...texts, usageRulesUrl: usageRulesUrl ?? '/nutzungshinweise' }).replace(/</g, '\\u003c');
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
    <p class="plain-language"><input type="checkbox" id="plain-language"> <label for="plain-language">${escapeHtml(texts.plainLanguageToggle)}</label></p>
    <button type="button" id="new-conversation" class="secondary">${escapeHtml(texts.newConversation)}</button>
  </form>
  <section id="surveys" aria-label="${escapeHtml(texts.surveysLabel)}"></section>
</main>
<footer class="site-footer"><p>${escapeHtml(texts.footer)} <a href="/nutzungshinweise">${escapeHtml(texts.usageRulesLink)}</a></p></footer>
<script type="application/json" id="ui-texts">${json}</script>
<script type="module" src="/assets/chat.js"></script>
<script type="module" src="/assets/survey.js"></script>`,
  );
}

/** The Dienstvereinbarung KI as indexed: title, Stand, intranet link and its text by section. */
export interface AgreementText {
  readonly title: string;
  readonly stand?: string;
  readonly url?: string;
  readonly sections: readonly { readonly heading: string; readonly paragraphs: readonly string[] }[];
}

/** What the transparency page lists besides the fixed text: the model and the rules in force. */
export interface TransparencyFacts {
  readonly model: string | null;
  readonly policyVersion: string;
  readonly rules: readonly { readonly id: string; readonly clause: string; readonly title: string; readonly action: string }[];
  /** The index version now (it changes with every re-index, issue #22). */
  readonly indexVersion?: () => string;
  /** The Dienstvereinbarung KI in force, shown at `/nutzungshinweise/dienstvereinbarung`. */
  readonly agreement?: () => AgreementText | undefined;
}

function rulesTable(texts: UiTexts, facts: TransparencyFacts): string {
  const rows = facts.rules
    .map(
      (rule) =>
        `      <tr><td>${escapeHtml(rule.clause)}</td><td>${escapeHtml(rule.title)}</td><td>${escapeHtml(texts.ruleActions[rule.action] ?? rule.action)}</td></tr>`,
    )
    .join('\n');
  return `  <h2>${escapeHtml(texts.rulesHeading)}</h2>
  <table>
    <caption>${escapeHtml(texts.rulesCaption)} ${escapeHtml(facts.policyVersion)}</caption>
    <thead><tr><th scope="col">${escapeHtml(texts.ruleClause)}</th><th scope="col">${escapeHtml(texts.ruleTitle)}</th><th scope="col">${escapeHtml(texts.ruleAction)}</th></tr></thead>
    <tbody>
${rows}
    </tbody>
  </table>`;
}

/** Index version and the link to the agreement's text (issue #22). */
function versionAndAgreement(page: UsagePageTexts | undefined, facts: TransparencyFacts | undefined): string {
  if (!page || !facts) return '';
  const version = facts.indexVersion ? `  <p>${escapeHtml(page.indexVersion)} <code>${escapeHtml(facts.indexVersion())}</code></p>\n` : '';
  return `${version}  <p><a href="/nutzungshinweise/dienstvereinbarung">${escapeHtml(page.agreementLink)}</a></p>`;
}

/** The usage-rules (transparency) page, with the model and the rules generated from the policy files. */
export function renderUsageRulesPage(texts: UiTexts, facts?: TransparencyFacts, page?: UsagePageTexts): string {
  const paragraphs = texts.usageRulesBody.map((paragraph) => `  <p>${escapeHtml(paragraph)}</p>`).join('\n');
  const model = facts ? `  <p>${escapeHtml(facts.model ? `${texts.modelInUse} ${facts.model}` : texts.noModelInUse)}</p>` : '';
  return layout(
    texts.usageRulesTitle,
    `<main id="main" class="usage-rules">
  <h1>${escapeHtml(texts.usageRulesTitle)}</h1>
${paragraphs}
${model}
${versionAndAgreement(page, facts)}
${facts ? rulesTable(texts, facts) : ''}
  <p><a href="/">${escapeHtml(texts.backToChat)}</a></p>
</main>`,
  );
}

/** The Dienstvereinbarung KI as indexed, linked from `/nutzungshinweise` (issue #22). */
export function renderAgreementPage(texts: UiTexts, page: UsagePageTexts, agreement: AgreementText | undefined): string {
  const back = `  <p><a href="/nutzungshinweise">${escapeHtml(texts.usageRulesTitle)}</a></p>`;
  if (!agreement)
    return layout(
      page.agreementLink,
      `<main id="main" class="usage-rules">\n  <h1>${escapeHtml(page.agreementLink)}</h1>\n  <p>${escapeHtml(page.agreementMissing)}</p>\n${back}\n</main>`,
    );
  const stand = agreement.stand ? `  <p>${escapeHtml(page.agreementStand)} ${escapeHtml(agreement.stand)}</p>\n` : '';
  const original = agreement.url?.startsWith('https://')
    ? `  <p><a href="${escapeHtml(agreement.url)}">${escapeHtml(page.agreementOriginal)}</a></p>\n`
    : '';
  const sections = agreement.sections
    .map(
      (section) =>
        `  <section>\n${section.heading ? `    <h2>${escapeHtml(section.heading)}</h2>\n` : ''}${section.paragraphs.map((text) => `    <p>${escapeHtml(text)}</p>`).join('\n')}\n  </section>`,
    )
    .join('\n');
  return layout(
    agreement.title,
    `<main id="main" class="usage-rules">\n  <h1>${escapeHtml(agreement.title)}</h1>\n${stand}${original}${sections}\n${back}\n</main>`,
  );
}
