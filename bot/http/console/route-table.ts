/**
 * Every console and API route that needs a login, with who may call it. The server registers exactly
 * these routes, and the route-by-role matrix test requests each of them as every role.
 */
import type { Access } from '../auth/access.ts';

/** One protected route; `probe` is a concrete path for tests and documentation. */
export interface ConsoleRoute {
  readonly id: string;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly access: Access;
  readonly probe: string;
  /** For routes with an `:action` parameter: the actions this entry covers (same path, different access). */
  readonly actions?: readonly string[];
}

/** The table (keep it in sync with README "Roles and routes"). */
export const consoleRoutes = [
  { id: 'overview', method: 'GET', path: '/konsole', access: 'authenticated', probe: '/konsole' },
  { id: 'tickets-page', method: 'GET', path: '/konsole/tickets', access: ['lotse', 'admin'], probe: '/konsole/tickets' },
  {
    id: 'ticket-form',
    method: 'POST',
    path: '/konsole/tickets/:id/:action',
    access: ['lotse', 'admin'],
    probe: '/konsole/tickets/0/claim',
  },
  { id: 'faq-page', method: 'GET', path: '/konsole/faq', access: ['owner', 'admin'], probe: '/konsole/faq' },
  { id: 'faq-form', method: 'POST', path: '/konsole/faq/:id/:decision', access: ['owner'], probe: '/konsole/faq/0/approve' },
  { id: 'sources-page', method: 'GET', path: '/konsole/quellen', access: ['owner', 'admin'], probe: '/konsole/quellen' },
  {
    id: 'sources-validity',
    method: 'POST',
    path: '/konsole/quellen/gueltigkeit',
    access: ['owner', 'admin'],
    probe: '/konsole/quellen/gueltigkeit',
  },
  {
    id: 'document-page',
    method: 'GET',
    path: '/konsole/quellen/dokument',
    access: ['owner', 'admin'],
    probe: '/konsole/quellen/dokument?id=probe.md',
  },
  {
    id: 'document-save',
    method: 'POST',
    path: '/konsole/quellen/dokument',
    access: ['owner', 'admin'],
    probe: '/konsole/quellen/dokument',
  },
  {
    id: 'document-delete',
    method: 'POST',
    path: '/konsole/quellen/loeschen',
    access: ['owner', 'admin'],
    probe: '/konsole/quellen/loeschen',
  },
  {
    id: 'sources-reindex',
    method: 'POST',
    path: '/konsole/quellen/neu-indizieren',
    access: ['admin'],
    probe: '/konsole/quellen/neu-indizieren',
  },
  { id: 'feedback-page', method: 'GET', path: '/konsole/rueckmeldungen', access: ['owner', 'admin'], probe: '/konsole/rueckmeldungen' },
  {
    id: 'feedback-state',
    method: 'POST',
    path: '/konsole/rueckmeldungen/status',
    access: ['owner', 'admin'],
    probe: '/konsole/rueckmeldungen/status',
  },
  { id: 'reports-page', method: 'GET', path: '/konsole/berichte', access: ['personalrat', 'dsb', 'admin'], probe: '/konsole/berichte' },
  { id: 'hr-news-page', method: 'GET', path: '/konsole/hr', access: ['hr', 'admin'], probe: '/konsole/hr' },
  { id: 'hr-news-create', method: 'POST', path: '/konsole/hr/nachrichten', access: ['hr'], probe: '/konsole/hr/nachrichten' },
  {
    id: 'hr-news-release',
    method: 'POST',
    path: '/konsole/hr/nachrichten/:id/freigeben',
    access: ['hr', 'admin'],
    probe: '/konsole/hr/nachrichten/0/freigeben',
  },
  { id: 'hr-surveys-page', method: 'GET', path: '/konsole/umfragen', access: ['hr', 'personalrat', 'admin'], probe: '/konsole/umfragen' },
  { id: 'hr-survey-create', method: 'POST', path: '/konsole/umfragen', access: ['hr'], probe: '/konsole/umfragen' },
  {
    id: 'hr-survey-step',
    method: 'POST',
    path: '/konsole/umfragen/:id/:step',
    access: ['hr', 'personalrat'],
    probe: '/konsole/umfragen/0/freigeben',
  },
  {
    id: 'hr-survey-results',
    method: 'GET',
    path: '/konsole/umfragen/:id/ergebnisse',
    access: ['hr', 'personalrat'],
    probe: '/konsole/umfragen/0/ergebnisse',
  },
  {
    id: 'hr-survey-csv',
    method: 'GET',
    path: '/konsole/umfragen/:id/ergebnisse.csv',
    access: ['hr', 'personalrat'],
    probe: '/konsole/umfragen/0/ergebnisse.csv',
  },
  {
    id: 'reidentification-page',
    method: 'GET',
    path: '/konsole/reidentifizierung',
    access: ['personalrat', 'dsb', 'admin'],
    probe: '/konsole/reidentifizierung',
  },
  {
    id: 'reidentification-request',
    method: 'POST',
    path: '/konsole/reidentifizierung',
    access: ['personalrat', 'dsb', 'admin'],
    probe: '/konsole/reidentifizierung',
  },
  {
    id: 'reidentification-approve',
    method: 'POST',
    path: '/konsole/reidentifizierung/:id/freigeben',
    access: ['personalrat', 'dsb'],
    probe: '/konsole/reidentifizierung/0/freigeben',
  },
  { id: 'absence-page', method: 'GET', path: '/konsole/abwesenheit', access: ['lotse'], probe: '/konsole/abwesenheit' },
  { id: 'absence-form', method: 'POST', path: '/konsole/abwesenheit', access: ['lotse'], probe: '/konsole/abwesenheit' },
  { id: 'stats-page', method: 'GET', path: '/konsole/statistik', access: ['lotse', 'admin', 'personalrat'], probe: '/konsole/statistik' },
  { id: 'privacy-page', method: 'GET', path: '/konsole/datenschutz', access: ['dsb'], probe: '/konsole/datenschutz' },
  { id: 'privacy-request', method: 'POST', path: '/konsole/datenschutz', access: ['dsb'], probe: '/konsole/datenschutz' },
  { id: 'api-tickets', method: 'GET', path: '/api/tickets', access: ['lotse', 'admin'], probe: '/api/tickets?mine' },
  {
    id: 'api-ticket-work',
    method: 'POST',
    path: '/api/tickets/:id/:action',
    actions: ['claim', 'answer'],
    access: ['lotse', 'admin'],
    probe: '/api/tickets/0/claim',
  },
  {
    id: 'api-ticket-asker',
    method: 'POST',
    path: '/api/tickets/:id/:action',
    actions: ['return', 'close'],
    access: 'chat',
    probe: '/api/tickets/0/close',
  },
  { id: 'api-faq-decision', method: 'POST', path: '/api/faq-drafts/:id/:decision', access: ['owner'], probe: '/api/faq-drafts/0/approve' },
  { id: 'api-source-upload', method: 'POST', path: '/api/sources', access: ['owner', 'admin'], probe: '/api/sources?name=probe.md' },
  { id: 'api-report', method: 'GET', path: '/api/reports/audit', access: ['personalrat', 'dsb', 'admin'], probe: '/api/reports/audit' },
] as const satisfies readonly ConsoleRoute[];

/** Ids of the routes. */
export type ConsoleRouteId = (typeof consoleRoutes)[number]['id'];
