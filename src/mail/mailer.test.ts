// The mailer against a real SMTP server in this process (smtp-server) and the test database; what arrives is
// parsed with mailparser, so the encoded subject and body are checked the way a mail client would read them.
import { createServer, type AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { eq, sql } from "drizzle-orm";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";
import { simpleParser, type AddressObject, type ParsedMail } from "mailparser";
import type { Database, Db } from "../db/client.ts";
import { mailOutbox, workspaces } from "../db/schema/index.ts";
import { openTestDatabase } from "../../test/support/db.ts";
import { createMailer, MailAddressInvalid, MailConfigInvalid, MailMessageInvalid, type Mailer } from "./mailer.ts";

interface Received {
  envelope: { from: string; to: string[] };
  auth: string | undefined;
  mail: ParsedMail;
  raw: string;
}

interface TestSmtp {
  port: number;
  received: Received[];
  stop(): Promise<void>;
}

/** An SMTP server on 127.0.0.1 that keeps every message it accepts. */
async function startSmtp(extra: Partial<SMTPServerOptions> = {}): Promise<TestSmtp> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    ...extra,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw).then(
          (mail) => {
            received.push({
              envelope: {
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
                to: session.envelope.rcptTo.map((r) => r.address),
              },
              auth: session.user === undefined ? undefined : String(session.user),
              mail,
              raw: raw.toString("latin1"),
            });
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return { port, received, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A port on 127.0.0.1 that nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", () => resolve()));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

const addresses = (value: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(value) ? value : value ? [value] : []).flatMap((a) => a.value.map((v) => v.address));

const FROM = "Samverka Västerås <noreply@samverka.example>";
const SUBJECT = "Inbjudan till Samverka – Våldsförebyggande plan för Örebro";
const BODY = "Hej Åsa!\n\nDu är inbjuden att rapportera för Förskoleförvaltningen.\nÖppna länken: https://samverka.example/inbjudan/tok3n-ÅÄÖ-åäö\n\nMed vänliga hälsningar\nSamordnaren";
// A password with characters that must be percent-encoded in the URL.
const PASSWORD = "hemlig:lösen/åäö#1";
const urlWithAuth = (port: number, password = PASSWORD) => `smtp://mailer:${encodeURIComponent(password)}@127.0.0.1:${port}`;

let database: Database;
let db: Db;
let smtp: TestSmtp;
const mailers: Mailer[] = [];
const mailerFor = (smtpUrl: string | undefined) => {
  const mailer = createMailer({ ...(smtpUrl ? { smtpUrl } : {}), from: FROM, db });
  mailers.push(mailer);
  return mailer;
};
const outbox = () => db.select().from(mailOutbox).orderBy(mailOutbox.createdAt);

beforeAll(async () => {
  database = await openTestDatabase({ demo: false });
  db = database.db;
  smtp = await startSmtp({
    // Authentication in clear text is fine on loopback in a test; the server checks the decoded password.
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      if (auth.username === "mailer" && auth.password === PASSWORD) callback(null, { user: auth.username });
      else callback(new Error("Invalid username or password"));
    },
  });
});
afterAll(async () => {
  await smtp?.stop();
  await database?.close();
});
beforeEach(async () => {
  await db.execute(sql`delete from mail_outbox`);
  smtp.received.length = 0;
});
afterEach(() => {
  for (const mailer of mailers.splice(0)) mailer.close();
  vi.restoreAllMocks();
});

describe("mailer", () => {
  it("delivers a queued message intact (å/ä/ö in sender name, subject and body) and marks the row sent", async () => {
    const mailer = mailerFor(urlWithAuth(smtp.port));
    expect(mailer.configured).toBe(true);
    const queued = await mailer.enqueue({ to: "asa.lind@orebro.example", subject: SUBJECT, text: BODY });
    expect(queued).toMatchObject({ state: "queued", toAddress: "asa.lind@orebro.example", sentAt: null, workspaceId: null });
    expect(smtp.received).toHaveLength(0);

    expect(await mailer.deliverQueued()).toEqual({ sent: 1, failed: 0 });

    expect(smtp.received).toHaveLength(1);
    const [got] = smtp.received;
    expect(got!.auth).toBe("mailer");
    expect(got!.envelope).toEqual({ from: "noreply@samverka.example", to: ["asa.lind@orebro.example"] });
    expect(addresses(got!.mail.to)).toEqual(["asa.lind@orebro.example"]);
    expect(got!.mail.from?.value).toEqual([{ name: "Samverka Västerås", address: "noreply@samverka.example" }]);
    expect(got!.mail.subject).toBe(SUBJECT);
    expect(got!.mail.text?.replace(/\r\n/g, "\n").trimEnd()).toBe(BODY);
    expect(got!.mail.html).toBe(false);
    expect(got!.mail.headers.get("content-type")).toMatchObject({ value: "text/plain", params: { charset: "utf-8" } });
    // Encoded on the wire: no raw 8-bit bytes in the headers.
    const rawHeaders = got!.raw.slice(0, got!.raw.indexOf("\r\n\r\n"));
    expect(rawHeaders).toMatch(/^Subject: =\?UTF-8\?/m);
    expect(/[\u0080-\u00ff]/.test(rawHeaders)).toBe(false);

    const [row] = await outbox();
    expect(row).toMatchObject({ id: queued.id, state: "sent", error: null });
    expect(row!.sentAt).toBeInstanceOf(Date);
    // Nothing left to send.
    expect(await mailer.deliverQueued()).toEqual({ sent: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it("send() without a transaction records and delivers at once, oldest queued first", async () => {
    const mailer = mailerFor(urlWithAuth(smtp.port));
    await mailer.enqueue({ to: "forst@orebro.example", subject: "Först", text: "1" });
    const entry = await mailer.send({ to: "sedan@orebro.example", subject: "Sedan", text: "2" });
    expect(entry.state).toBe("sent");
    expect(smtp.received.map((r) => r.mail.subject)).toEqual(["Först", "Sedan"]);
  });

  it("does not enqueue a second message with the same dedupe key", async () => {
    const mailer = mailerFor(urlWithAuth(smtp.port));
    const message = { to: "per@orebro.example", subject: "Påminnelse", text: "Rapportera", dedupeKey: "reminder:round-1:per:-7" };
    const first = await mailer.enqueue(message);
    const second = await mailer.enqueue({ ...message, subject: "Påminnelse igen" });
    expect(second.id).toBe(first.id);
    expect(second.subject).toBe("Påminnelse");
    expect(await outbox()).toHaveLength(1);
    expect(await mailer.deliverQueued()).toEqual({ sent: 1, failed: 0 });

    // Also once it has been sent, and inside a transaction.
    const third = await db.transaction(async (tx) => mailer.send(message, tx as unknown as Db));
    expect(third).toMatchObject({ id: first.id, state: "sent" });
    expect(await mailer.deliverQueued()).toEqual({ sent: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    expect(await outbox()).toHaveLength(1);
  });

  it("records inside the caller's transaction: a rollback leaves no row and sends nothing", async () => {
    const mailer = mailerFor(urlWithAuth(smtp.port));
    await expect(
      db.transaction(async (tx) => {
        const entry = await mailer.send({ to: "ola@orebro.example", subject: "Återställ lösenord", text: "https://x.example/once" }, tx as unknown as Db);
        expect(entry.state).toBe("queued");
        throw new Error("command failed after recording the mail");
      }),
    ).rejects.toThrow("command failed");
    expect(await mailer.deliverQueued()).toEqual({ sent: 0, failed: 0 });
    expect(await outbox()).toHaveLength(0);
    expect(smtp.received).toHaveLength(0);

    // The same, committed: nothing goes out before deliverQueued() after the commit.
    await db.transaction(async (tx) => {
      await mailer.enqueue({ to: "ola@orebro.example", subject: "Återställ lösenord", text: "https://x.example/once" }, tx as unknown as Db);
    });
    expect(smtp.received).toHaveLength(0);
    expect(await mailer.deliverQueued()).toEqual({ sent: 1, failed: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it("without SMTP configured stores the message as not_configured and sends nothing", async () => {
    const mailer = mailerFor(undefined);
    expect(mailer.configured).toBe(false);
    const [workspace] = await db.insert(workspaces).values({ slug: "orebro", name: "Örebro" }).returning();
    const workspaceId = workspace!.id;
    const entry = await mailer.send({ workspaceId, to: "kim@orebro.example", subject: "Inbjudan", text: "https://x.example/invite/abc" });
    expect(entry).toMatchObject({ state: "not_configured", workspaceId, bodyText: "https://x.example/invite/abc", sentAt: null });
    expect(await mailer.deliverQueued()).toEqual({ sent: 0, failed: 0 });
    expect(smtp.received).toHaveLength(0);
    expect((await outbox()).map((r) => r.state)).toEqual(["not_configured"]);
    // An empty SMTP_URL counts as not configured.
    expect(mailerFor("").configured).toBe(false);
  });

  it("marks the row failed when the SMTP server is down, without the password in the error", async () => {
    const mailer = mailerFor(urlWithAuth(await closedPort()));
    const entry = await mailer.send({ to: "eva@orebro.example", subject: "Inbjudan", text: "länk" });
    expect(entry.state).toBe("failed");
    expect(entry.sentAt).toBeNull();
    expect(entry.error).toMatch(/^ESOCKET: connect ECONNREFUSED 127\.0\.0\.1:\d+$/);
    for (const secret of [PASSWORD, encodeURIComponent(PASSWORD), "lösen", "hemlig"]) expect(entry.error).not.toContain(secret);
    // Failed is final: a later run does not try again.
    expect(await mailer.deliverQueued()).toEqual({ sent: 0, failed: 0 });
  });

  it("keeps the password out of the error even when the server echoes it back", async () => {
    const chatty = await startSmtp({
      allowInsecureAuth: true,
      authOptional: false,
      onAuth(auth, _session, callback) {
        callback(new Error(`Wrong password ${auth.password ?? ""} for ${auth.username ?? ""}`));
      },
    });
    try {
      const mailer = mailerFor(urlWithAuth(chatty.port));
      const entry = await mailer.send({ to: "eva@orebro.example", subject: "Inbjudan", text: "länk" });
      expect(entry.state).toBe("failed");
      expect(entry.error).toContain("EAUTH");
      expect(entry.error).toContain("Wrong password *** for mailer");
      expect(entry.error).not.toContain("lösen");
      expect(chatty.received).toHaveLength(0);
    } finally {
      await chatty.stop();
    }
  });

  it("refuses a bad address with MailAddressInvalid, recording and sending nothing", async () => {
    const mailer = mailerFor(urlWithAuth(smtp.port));
    for (const to of ["", "inte en adress", "a@b", "eva@orebro.example\r\nBcc: x@evil.example", "<eva@orebro.example>"]) {
      await expect(mailer.send({ to, subject: "Hej", text: "x" })).rejects.toBeInstanceOf(MailAddressInvalid);
    }
    await expect(mailer.send({ to: "eva@orebro.example", subject: "Rad ett\r\nBcc: x@evil.example", text: "x" })).rejects.toBeInstanceOf(
      MailMessageInvalid,
    );
    expect(await outbox()).toHaveLength(0);
    expect(smtp.received).toHaveLength(0);
    // A bad sender or SMTP URL fails when the mailer is created; the URL (with its password) is not repeated.
    expect(() => createMailer({ from: "Samverka <noreply>", db })).toThrow(MailAddressInvalid);
    expect(() => createMailer({ smtpUrl: `http://u:${PASSWORD}@127.0.0.1:25`, from: FROM, db })).toThrow(MailConfigInvalid);
    try {
      createMailer({ smtpUrl: `http://u:${PASSWORD}@127.0.0.1:25`, from: FROM, db });
    } catch (error) {
      expect((error as Error).message).not.toContain(PASSWORD);
    }
  });

  it("never logs the body, even with debug and logger asked for in SMTP_URL", async () => {
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((name) => vi.spyOn(console, name));
    const stdout = vi.spyOn(process.stdout, "write");
    const stderr = vi.spyOn(process.stderr, "write");
    const mailer = mailerFor(`${urlWithAuth(smtp.port)}?debug=true&logger=true&transactionLog=true`);
    const entry = await mailer.send({ to: "eva@orebro.example", subject: "Engångslänk", text: "https://x.example/once/SECRET-TOKEN-123" });
    expect(entry.state).toBe("sent");
    const written = [...spies, stdout, stderr].flatMap((spy) => spy.mock.calls.map((call) => call.map(String).join(" "))).join("\n");
    expect(written).not.toContain("SECRET-TOKEN-123");
    expect(written).not.toContain("Engångslänk");
  });

  it("sends each message once when deliveries overlap", async () => {
    const mailer = mailerFor(urlWithAuth(smtp.port));
    for (let i = 1; i <= 5; i++) await mailer.enqueue({ to: `person${i}@orebro.example`, subject: `Nr ${i}`, text: "x" });
    const reports = await Promise.all([mailer.deliverQueued(), mailer.deliverQueued(), mailer.deliverQueued()]);
    expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(5);
    expect(smtp.received.map((r) => r.mail.subject).sort()).toEqual(["Nr 1", "Nr 2", "Nr 3", "Nr 4", "Nr 5"]);
    const rows = await db.select().from(mailOutbox).where(eq(mailOutbox.state, "sent"));
    expect(rows).toHaveLength(5);
  });
});
