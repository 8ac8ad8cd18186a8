/**
 * A browser stand-in for Hono's app.request(): keeps cookies (honouring Max-Age=0 deletions), sends forms,
 * and signs in through the real sign-in form. Used by the team-mode tests and reusable for the dashboard's
 * route table (sign in as each role, then request every route).
 */
interface RequestingApp {
  request(input: string, init?: RequestInit, env?: unknown): Response | Promise<Response>;
}

export interface ClientRequest {
  readonly method?: string;
  /** Sent as application/x-www-form-urlencoded. */
  readonly form?: Record<string, string>;
  readonly body?: BodyInit;
  readonly headers?: Record<string, string>;
}

export class AuthTestClient {
  readonly cookies = new Map<string, string>();
  private readonly app: RequestingApp;
  private readonly origin: string;
  constructor(app: RequestingApp, origin = 'http://localhost') {
    this.app = app;
    this.origin = origin;
  }

  async request(path: string, r: ClientRequest = {}): Promise<Response> {
    const headers = new Headers(r.headers);
    if (this.cookies.size > 0 && !headers.has('cookie')) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    let body = r.body;
    if (r.form !== undefined) {
      headers.set('content-type', 'application/x-www-form-urlencoded');
      body = new URLSearchParams(r.form).toString();
    }
    const init: RequestInit = { method: r.method ?? (body !== undefined ? 'POST' : 'GET'), headers };
    if (body !== undefined) init.body = body;
    const res = await this.app.request(`${this.origin}${path}`, init);
    this.keepCookies(res);
    return res;
  }

  keepCookies(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (/max-age=0\b/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /** The `_csrf` value of the first form on the page at `path`. */
  async csrfFrom(path: string): Promise<string> {
    const html = await (await this.request(path, { headers: { accept: 'text/html' } })).text();
    const match = /name="_csrf" value="([^"]+)"/.exec(html);
    if (!match) throw new Error(`no CSRF field on ${path}`);
    return match[1]!;
  }

  /** Signs in through the form; returns the POST's response (303 on success). */
  async signIn(email: string, password: string, basePath = '/auth', next?: string): Promise<Response> {
    const token = await this.csrfFrom(`${basePath}/sign-in`);
    return this.request(`${basePath}/sign-in`, { form: { email, password, _csrf: token, ...(next !== undefined ? { next } : {}) } });
  }
}
