// Web chat: open pulse surveys of the logged-in person as a form (GET /api/hr/surveys), answers sent
// in one request (POST /api/hr/surveys/:id/answers). Anonymous visitors see nothing (401).
const texts = JSON.parse(document.getElementById('ui-texts').textContent);
const area = document.getElementById('surveys');

function node(tag, attributes = {}, children = []) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === 'text') element.textContent = value;
    else element.setAttribute(key, value);
  }
  for (const child of children) element.append(child);
  return element;
}

function csrfHeaders() {
  const token = /(?:^|;\s*)(?:__Host-)?lotse_csrf=([A-Za-z0-9_-]+)/.exec(document.cookie)?.[1];
  return token ? { 'content-type': 'application/json', 'x-csrf-token': token } : { 'content-type': 'application/json' };
}

function choices(survey, question) {
  const options = question.type === 'scale' ? ['1', '2', '3', '4', '5'] : question.options;
  const type = question.type === 'multiple' ? 'checkbox' : 'radio';
  return options.map((label, index) => {
    const id = `${survey.id}-${question.id}-${index}`;
    const input = node('input', { type, id, name: question.id, value: String(index + 1) });
    if (type === 'radio' && !question.optional) input.required = true;
    return node('div', {}, [input, node('label', { for: id, text: ` ${label}` })]);
  });
}

function questionField(survey, question) {
  const legend = node('legend', { text: question.optional ? `${question.text} ${texts.surveyOptional}` : question.text });
  if (question.type === 'text') {
    const id = `${survey.id}-${question.id}`;
    return node('fieldset', {}, [
      legend,
      node('label', { for: id, class: 'visually-hidden', text: question.text }),
      node('textarea', { id, name: question.id, rows: '3', maxlength: '2000' }),
    ]);
  }
  return node('fieldset', {}, [legend, ...choices(survey, question)]);
}

function answersOf(form, survey) {
  const answers = {};
  for (const question of survey.questions) {
    if (question.type === 'text') {
      const value = form.elements[question.id].value.trim();
      if (value) answers[question.id] = value;
    } else if (question.type === 'multiple') {
      const picked = [...form.querySelectorAll(`input[name="${question.id}"]:checked`)].map((input) => Number(input.value));
      if (picked.length) answers[question.id] = picked;
    } else {
      const picked = form.querySelector(`input[name="${question.id}"]:checked`);
      if (picked) answers[question.id] = Number(picked.value);
    }
  }
  return answers;
}

function surveyForm(survey) {
  const status = node('p', { role: 'status' });
  const form = node('form', { class: 'survey' }, [
    node('h2', { text: `${texts.surveyOpen}: ${survey.title}` }),
    ...(survey.intro ? [node('p', { text: survey.intro })] : []),
    ...survey.questions.map((question) => questionField(survey, question)),
    node('button', { type: 'submit', text: texts.surveySubmit }),
    status,
  ]);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const response = await fetch(`/api/hr/surveys/${encodeURIComponent(survey.id)}/answers`, {
      method: 'POST',
      headers: csrfHeaders(),
      body: JSON.stringify({ answers: answersOf(form, survey) }),
    });
    const json = await response.json().catch(() => ({}));
    if (!response.ok) {
      status.textContent = json?.error?.message ?? texts.errorGeneric;
      return;
    }
    form.replaceChildren(node('p', { role: 'status', text: json.message ?? texts.surveyThanks }));
  });
  return form;
}

async function showSurveys() {
  if (!area) return;
  const response = await fetch('/api/hr/surveys');
  if (!response.ok) return;
  const { surveys } = await response.json();
  area.replaceChildren(...surveys.map(surveyForm));
}

showSurveys();
