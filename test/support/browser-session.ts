// A cookie jar over Fastify's inject, so integration tests can walk through forms like a browser does.
import type { FastifyInstance, LightMyRequestResponse } from "fastify";

export class Session {
  readonly cookies = new Map<string, string>();
  constructor(private readonly app: FastifyInstance) {}

  private remember(res: LightMyRequestResponse) {
    for (const c of res.cookies as Array<{ name: string; value: string; maxAge?: number; expires?: Date }>) {
      const expired = c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now()) || c.value === "";
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  private get cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async get(url: string) {
    return this.remember(await this.app.inject({ method: "GET", url, headers: { cookie: this.cookieHeader } }));
  }

  /** A form post; an array value sends the name once per value, as ticked checkboxes do. */
  async post(url: string, form: Record<string, string | readonly string[]>) {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(form)) for (const v of [value].flat()) body.append(name, v);
    return this.remember(
      await this.app.inject({
        method: "POST", url, payload: body.toString(),
        headers: { cookie: this.cookieHeader, "content-type": "application/x-www-form-urlencoded" },
      }),
    );
  }

  /**
   * A multipart/form-data post, as a form with `enctype="multipart/form-data"` sends it: the fields in the order
   * given, then the files (a browser sends parts in the form's order; the upload forms put the file last).
   */
  async postMultipart(url: string, fields: Record<string, string>, files: ReadonlyArray<{ name: string; filename: string; content: Uint8Array; type?: string }> = []) {
    const boundary = `----samverka-test-${Math.random().toString(16).slice(2)}`;
    const parts: Buffer[] = [];
    const quote = (value: string) => value.replace(/"/g, "%22").replace(/\r|\n/g, " ");
    for (const [name, value] of Object.entries(fields)) {
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"\r\n\r\n${value}\r\n`, "utf8"));
    }
    for (const file of files) {
      parts.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${quote(file.name)}"; filename="${quote(file.filename)}"\r\n` +
            `Content-Type: ${file.type ?? "application/octet-stream"}\r\n\r\n`,
          "utf8",
        ),
        Buffer.from(file.content),
        Buffer.from("\r\n", "utf8"),
      );
    }
    parts.push(Buffer.from(`--${boundary}--\r\n`, "utf8"));
    return this.remember(
      await this.app.inject({
        method: "POST", url, payload: Buffer.concat(parts),
        headers: { cookie: this.cookieHeader, "content-type": `multipart/form-data; boundary=${boundary}` },
      }),
    );
  }

  /** The CSRF token of the first form on a page. */
  static tokenIn(html: string): string {
    const match = /name="_csrf" value="([^"]+)"/.exec(html);
    if (!match) throw new Error("no CSRF token on the page");
    return match[1]!;
  }

  /** Opens a page with a form and posts to `action` with that page's token. */
  async submit(pageUrl: string, action: string, form: Record<string, string | readonly string[]>) {
    const page = await this.get(pageUrl);
    return this.post(action, { _csrf: Session.tokenIn(page.body), ...form });
  }

  async logIn(email: string, password = "samverka-demo", back = "/") {
    return this.submit("/logga-in", "/logga-in", { email, password, tillbaka: back });
  }
}
