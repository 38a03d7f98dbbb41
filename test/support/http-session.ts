/**
 * A tiny cookie-keeping HTTP client for integration tests (no redirects followed, CSRF header on demand).
 */

/** One browser-like client with its own cookie jar. */
export class HttpSession {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly baseUrl: string) {}

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  /** Sends a request; `csrf` adds the `x-csrf-token` header from the CSRF cookie. */
  async request(
    method: string,
    path: string,
    options: {
      body?: string | Uint8Array<ArrayBuffer>;
      type?: string;
      csrf?: boolean;
      accept?: string;
      headers?: Record<string, string>;
    } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([key, value]) => `${key}=${value}`).join('; ');
    if (options.type) headers['content-type'] = options.type;
    if (options.accept) headers.accept = options.accept;
    const csrf = this.cookies.get('lotse_csrf');
    if (options.csrf && csrf) headers['x-csrf-token'] = csrf;
    const response = await fetch(new URL(path, this.baseUrl), {
      method,
      headers,
      redirect: 'manual',
      ...(options.body !== undefined ? { body: typeof options.body === 'string' ? options.body : new Blob([options.body]) } : {}),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [key, ...rest] = pair!.split('=');
      const value = rest.join('=');
      if (/Max-Age=0/.test(line) || !value) this.cookies.delete(key!.trim());
      else this.cookies.set(key!.trim(), value);
    }
    return response;
  }

  /** A new session logged in as a directory person through the development login. */
  static async loggedIn(baseUrl: string, person: string): Promise<HttpSession> {
    const session = new HttpSession(baseUrl);
    await session.devLogin({ person });
    return session;
  }

  /** Posts a console form (URL-encoded, with the CSRF field from the cookie), as the browser does. */
  postForm(path: string, fields: readonly (readonly [string, string])[]): Promise<Response> {
    const body = new URLSearchParams([
      ['_csrf', this.cookie('lotse_csrf') ?? ''],
      ...fields.map(([key, value]) => [key, value] as [string, string]),
    ]);
    return this.request('POST', path, { body: body.toString(), type: 'application/x-www-form-urlencoded' });
  }

  /** Logs in through the development login as a directory person or a demo role. */
  async devLogin(choice: { person: string } | { role: string }): Promise<void> {
    const body = new URLSearchParams({ ...choice, returnTo: '/konsole' }).toString();
    const response = await this.request('POST', '/dev-login', { body, type: 'application/x-www-form-urlencoded' });
    if (response.status !== 302) throw new Error(`dev login failed: ${response.status}`);
  }
}
