// lotse web chat: a plain ES module, no dependencies. All texts come from the server-rendered JSON block;
// answer text is always inserted with textContent, never as HTML.
const texts = JSON.parse(document.getElementById('ui-texts').textContent);
const conversation = document.getElementById('conversation');
const form = document.getElementById('ask-form');
const input = document.getElementById('question');
const sendButton = document.getElementById('send');
const status = document.getElementById('status');
const storageKey = 'lotse.conversationId';
// Leichte Sprache stays on for the next answers and visits of this browser (issue #22).
const plainToggle = document.getElementById('plain-language');
const plainKey = 'lotse.plainLanguage';
plainToggle.checked = localStorage.getItem(plainKey) === 'on';
plainToggle.addEventListener('change', () => localStorage.setItem(plainKey, plainToggle.checked ? 'on' : 'off'));

function element(tag, options = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(options)) {
    if (key === 'text') node.textContent = value;
    else if (key === 'className') node.className = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

function formatStand(stand) {
  if (!stand) return texts.noStand;
  const [year, month, day] = stand.split('-');
  return `${texts.stand} ${day}.${month}.${year}`;
}

function renderCitations(citations) {
  if (!citations.length) return null;
  const list = element('ol', { className: 'citations' });
  citations.forEach((citation) => {
    const summary = element('summary', {
      text: `${citation.title}${citation.section ? ` – ${texts.section} „${citation.section}“` : ''} (${formatStand(citation.stand)})`,
    });
    const quote = element('blockquote', { text: citation.quote });
    const source = element('p', { className: 'document', text: citation.document });
    list.append(element('li', {}, [element('details', {}, [summary, quote, source])]));
  });
  // A plain group under the page's h1, not a landmark: every answer has its own sources (axe landmark-unique, heading-order).
  return element('div', { className: 'sources' }, [element('h2', { text: texts.sources }), list]);
}

/** JSON headers plus the CSRF token of a logged-in session (cookie `lotse_csrf`, see docs/identity-and-console.md). */
function jsonHeaders() {
  const token = /(?:^|;\s*)(?:__Host-)?lotse_csrf=([A-Za-z0-9_-]+)/.exec(document.cookie)?.[1];
  return token ? { 'content-type': 'application/json', 'x-csrf-token': token } : { 'content-type': 'application/json' };
}

async function postJson(url, body) {
  const response = await fetch(url, { method: 'POST', headers: jsonHeaders(), body: JSON.stringify(body) });
  if (response.status === 204) return {};
  const json = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(json?.error?.message ?? texts.errorGeneric);
  return json;
}

function feedbackControls(answer) {
  const wrapper = element('div', { className: 'feedback', role: 'group', 'aria-label': texts.helpful });
  const thanks = element('p', { className: 'thanks', role: 'status' });
  const send = async (rating, reason) => {
    try {
      await postJson('/api/feedback', { messageId: answer.messageId, rating, ...(reason ? { reason } : {}) });
      thanks.textContent = texts.feedbackThanks;
    } catch (error) {
      thanks.textContent = error.message;
    }
  };
  const up = element('button', { type: 'button', className: 'secondary', text: texts.helpful });
  const down = element('button', { type: 'button', className: 'secondary', text: texts.notHelpful });
  up.addEventListener('click', () => send('up'));
  down.addEventListener('click', () => {
    const id = `reason-${answer.messageId}`;
    const reasonForm = element('form', { className: 'reason' }, [
      element('label', { for: id, text: texts.feedbackReasonLabel }),
      element('input', { id, type: 'text', maxlength: '500' }),
      element('button', { type: 'submit', text: texts.feedbackSend }),
    ]);
    reasonForm.addEventListener('submit', (event) => {
      event.preventDefault();
      send('down', reasonForm.querySelector('input').value.trim());
      reasonForm.remove();
    });
    wrapper.after(reasonForm);
    reasonForm.querySelector('input').focus();
  });
  wrapper.append(up, down);
  return element('div', {}, [wrapper, thanks]);
}

// Web addresses in an answer (course registration, FAQ links) become links; everything else stays plain text.
const urlPattern = /https?:\/\/[^\s<>"“”„]+/g;
function linkedText(tag, className, text) {
  const node = element(tag, { className });
  let last = 0;
  for (const match of text.matchAll(urlPattern)) {
    const url = match[0].replace(/[.,;:!?)\]]+$/, '');
    node.append(document.createTextNode(text.slice(last, match.index)), element('a', { href: url, text: url }));
    last = match.index + url.length;
  }
  node.append(document.createTextNode(text.slice(last)));
  return node;
}

// Suggested next questions (issue #22): a click asks the suggestion as the next question.
function renderSuggestions(answer) {
  if (!answer.suggestions?.length) return null;
  const list = element('ul', { className: 'suggestions' });
  for (const suggestion of answer.suggestions) {
    const button = element('button', { type: 'button', className: 'secondary suggestion', text: suggestion });
    button.addEventListener('click', () => ask(suggestion));
    list.append(element('li', {}, [button]));
  }
  return element('div', { className: 'follow-ups' }, [
    element('h2', { className: 'suggestions-heading', text: texts.suggestionsHeading }),
    list,
  ]);
}

function renderAnswer(answer) {
  const body = linkedText('div', 'answer-text', answer.answer);
  const label = element('p', { className: 'ai-label' }, [
    document.createTextNode(`${texts.aiLabel} `),
    element('a', { href: texts.usageRulesUrl ?? '/nutzungshinweise', text: texts.usageRulesLink }),
  ]);
  // How sure lotse is only means something for an answer from sources, not for refusals, abstentions or small talk.
  const sourced = answer.outcome === 'answered' && answer.citations.length > 0;
  const metaParts = [
    sourced ? `${texts.confidence}: ${Math.round(answer.confidence * 100)} %` : '',
    answer.provenance?.model ? `${texts.model}: ${answer.provenance.model}` : '',
  ].filter(Boolean);
  const meta = metaParts.length ? element('p', { className: 'meta', text: metaParts.join(' · ') }) : null;
  const offers = (type) => !answer.actions || answer.actions.some((action) => action.type === type);
  const escalate = !offers('escalate')
    ? null
    : element('button', { type: 'button', className: answer.outcome === 'answered' ? 'secondary' : 'primary', text: texts.askLotse });
  const notice = element('p', { className: 'notice', role: 'status' });
  escalate?.addEventListener('click', async () => {
    escalate.disabled = true;
    try {
      const result = await postJson('/api/tickets', {
        conversationId: answer.conversationId,
        messageId: answer.messageId,
        reason: answer.outcome === 'answered' ? 'user_request' : 'no_answer',
      });
      notice.textContent = result.message;
      watchForLotseAnswer(answer.conversationId);
    } catch (error) {
      notice.textContent = error.message;
      escalate.disabled = false;
    }
  });
  const feedback = answer.outcome === 'answered' && offers('feedback') ? feedbackControls(answer) : null;
  return element('li', { className: `message bot outcome-${answer.outcome}` }, [
    element('p', { className: 'speaker', text: texts.bot }),
    body,
    renderCitations(answer.citations),
    renderSuggestions(answer),
    label,
    meta,
    feedback,
    escalate,
    notice,
  ]);
}

// Reads the server-sent events of /api/chat: verified sentences as they come, then the final answer.
async function postStreaming(body, onDelta) {
  const response = await fetch('/api/chat', {
    method: 'POST',
    headers: { ...jsonHeaders(), accept: 'text/event-stream' },
    body: JSON.stringify(body),
  });
  if (!response.ok || !response.body) {
    const json = await response.json().catch(() => ({}));
    throw new Error(json?.error?.message ?? texts.errorGeneric);
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const name = /^event: (.*)$/m.exec(block)?.[1];
      const data = JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? 'null');
      if (name === 'delta') onDelta(data.text);
      if (name === 'result') return data;
    }
  }
  throw new Error(texts.errorGeneric);
}

// Shows answers of Digitallotsen that arrive in this conversation (polled while the page is open, and on return).
const shownMessages = new Set();
async function showLotseAnswers(conversationId) {
  const response = await fetch(`/api/conversations/${encodeURIComponent(conversationId)}/messages`);
  if (!response.ok) return;
  const { messages } = await response.json();
  for (const message of messages) {
    if (message.kind !== 'ticket-answered' || shownMessages.has(message.id)) continue;
    shownMessages.add(message.id);
    const item = element('li', { className: 'message bot lotse-answer' }, [
      element('p', { className: 'speaker', text: texts.lotseAnswer }),
      linkedText('p', 'answer-text', message.text),
    ]);
    if (message.ticketId) item.append(ticketControls(message.ticketId));
    conversation.append(item);
  }
}

// The asker closes an answered ticket as helpful or returns it to the Digitallotsen.
function ticketControls(ticketId) {
  const note = element('p', { className: 'feedback-note', role: 'status' });
  const act = (action, done) => async () => {
    try {
      await postJson(`/api/tickets/${encodeURIComponent(ticketId)}/${action}`, {});
      note.textContent = done;
      controls.querySelectorAll('button').forEach((button) => {
        button.disabled = true;
      });
    } catch (error) {
      note.textContent = error.message;
    }
  };
  const helpful = element('button', { type: 'button', text: texts.lotseHelpful });
  const back = element('button', { type: 'button', text: texts.lotseReturn });
  helpful.addEventListener('click', act('close', texts.lotseClosed));
  back.addEventListener('click', act('return', texts.lotseReturned));
  const controls = element('div', { className: 'feedback' }, [helpful, back, note]);
  return controls;
}
let watching;
function watchForLotseAnswer(conversationId) {
  clearInterval(watching);
  watching = setInterval(() => showLotseAnswers(conversationId), 15_000);
}
const returning = sessionStorage.getItem(storageKey);
if (returning) showLotseAnswers(returning);

async function ask(question) {
  conversation.append(
    element('li', { className: 'message user' }, [
      element('p', { className: 'speaker', text: texts.you }),
      element('p', { text: question }),
    ]),
  );
  status.textContent = texts.sending;
  sendButton.disabled = true;
  const draft = element('li', { className: 'message bot streaming', 'aria-hidden': 'true' }, [element('p', { className: 'answer-text' })]);
  try {
    const conversationId = sessionStorage.getItem(storageKey) ?? undefined;
    // Only an explicit choice is sent; without one the directory's default for the person applies (issue #22).
    const choice = localStorage.getItem(plainKey);
    const plainLanguage = choice ? { plainLanguage: choice === 'on' } : {};
    const answer = await postStreaming({ text: question, ...(conversationId ? { conversationId } : {}), ...plainLanguage }, (text) => {
      if (!draft.isConnected) conversation.append(draft);
      draft.firstChild.textContent += (draft.firstChild.textContent ? ' ' : '') + text;
    });
    draft.remove();
    sessionStorage.setItem(storageKey, answer.conversationId);
    conversation.append(renderAnswer(answer));
    status.textContent = '';
  } catch (error) {
    draft.remove();
    status.textContent = error.message;
  } finally {
    sendButton.disabled = false;
    input.focus();
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const question = input.value.trim();
  if (!question) return;
  input.value = '';
  ask(question);
});
input.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey) {
    event.preventDefault();
    form.requestSubmit();
  }
});
document.getElementById('new-conversation').addEventListener('click', () => {
  sessionStorage.removeItem(storageKey);
  conversation.replaceChildren();
  input.focus();
});
