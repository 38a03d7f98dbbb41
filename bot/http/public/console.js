// Console: uploads a knowledge file as the raw request body (POST /api/sources?name=…), with the CSRF token.
// Its texts come from the form's data attributes (prompts/ui/console.de.yaml).
const form = document.getElementById('upload-form');
const status = document.getElementById('upload-status');

form?.addEventListener('submit', async (event) => {
  event.preventDefault();
  const file = document.getElementById('upload-file').files[0];
  if (!file) return;
  status.textContent = form.dataset.busy ?? '…';
  const response = await fetch(`/api/sources?name=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'x-csrf-token': form.dataset.csrf ?? '' },
    body: file,
  });
  const json = await response.json().catch(() => ({}));
  status.textContent = response.ok ? json.message : (json?.error?.message ?? form.dataset.failed ?? '');
  if (response.ok) setTimeout(() => window.location.reload(), 800);
});
