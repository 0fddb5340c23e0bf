// Outgoing mail through the outbox: a message is recorded in mail_outbox (in the caller's transaction), and
// delivered over SMTP only after that transaction has committed, by deliverQueued(). Text-only, UTF-8.
//
// Usage from a command:
//   const entry = await db.transaction(async (tx) => mailer.enqueue(message, tx as unknown as Db));
//   await mailer.deliverQueued(); // after commit; a rolled-back transaction left nothing to send
// or, outside any transaction, `await mailer.send(message)`, which records and delivers at once.
//
// Delivery is at least once: a process claims a row (queued → sending) before it talks to the SMTP server, so two
// processes on one PostgreSQL never send the same row; a crash between the claim and the "sent" update leaves the
// row sending, and after CLAIM_STALE_MS the next deliverQueued() (call it at startup) queues it again.
// Concurrent calls within this process are serialised. The body is never logged: nodemailer gets no logger,
// and `logger`/`debug` in SMTP_URL's query are ignored.
import { and, asc, eq, lt, notInArray } from "drizzle-orm";
import { createTransport, type SendMailOptions, type SMTPTransportOptions, type Transporter } from "nodemailer";
import { z } from "zod";
import type { Db } from "../db/client.ts";
import { mailOutbox } from "../db/schema/index.ts";
import { AppError } from "../domain/errors.ts";

export type OutboxEntry = typeof mailOutbox.$inferSelect;
export type OutboxState = "queued" | "sending" | "sent" | "failed" | "not_configured";

export interface OutgoingMail {
  workspaceId?: string | null;
  to: string;
  subject: string;
  /** Plain text; may carry one-time links, so it is stored in the outbox but never logged. */
  text: string;
  /** A message with a key that is already in the outbox is not recorded (or sent) again. */
  dedupeKey?: string;
}

export interface DeliveryReport {
  sent: number;
  failed: number;
}

export interface Mailer {
  /** True when an SMTP URL was given; otherwise messages are stored as not_configured and never sent. */
  readonly configured: boolean;
  /**
   * Records the message (state queued, or not_configured without SMTP) in `tx` when given, else in the mailer's
   * database. With a dedupe key that is already recorded, returns the existing row and records nothing.
   */
  enqueue(message: OutgoingMail, tx?: Db): Promise<OutboxEntry>;
  /**
   * Sends every queued row, oldest first, marking each sent (with sent_at) or failed (with an error text that
   * holds no credentials). Failed is final. Call after the transaction that enqueued has committed.
   */
  deliverQueued(): Promise<DeliveryReport>;
  /**
   * enqueue(); then, without `tx`, delivers at once and returns the row as it ended (sent, failed or
   * not_configured). With `tx` it only records: call deliverQueued() after the commit.
   */
  send(message: OutgoingMail, tx?: Db): Promise<OutboxEntry>;
  /** Closes the SMTP transport. */
  close(): void;
}

/** An e-mail address (recipient or sender) that is not a valid address; nothing was recorded or sent. */
export class MailAddressInvalid extends AppError {
  constructor(readonly address: string) {
    super("invalid e-mail address", 400);
  }
}

/** A message that cannot be sent as given (empty subject, a line break in the subject …); nothing was recorded. */
export class MailMessageInvalid extends AppError {
  constructor(problem: string) {
    super(`invalid mail message: ${problem}`, 400);
  }
}

/** SMTP_URL is not an smtp:// or smtps:// URL. The message never repeats the URL (it may hold a password). */
export class MailConfigInvalid extends Error {
  constructor(problem: string) {
    super(`invalid SMTP URL: ${problem}`);
    this.name = "MailConfigInvalid";
  }
}

const emailSchema = z.email();
/** Longest error text kept in the outbox row. */
const ERROR_MAX = 500;
/** Rows read per round of deliverQueued(). */
const BATCH = 20;
/** A claim older than this was left by a process that stopped mid-delivery. */
const CLAIM_STALE_MS = 10 * 60_000;

function validAddress(value: string): string {
  const address = value.trim();
  if (!emailSchema.safeParse(address).success) throw new MailAddressInvalid(value);
  return address;
}

/** "Name <address>" or a bare address; the name may hold any characters but angle brackets and line breaks. */
function parseFrom(from: string): { name: string; address: string } {
  const named = /^\s*([^<>\r\n]*?)\s*<([^<>]*)>\s*$/.exec(from);
  if (named) return { name: (named[1] ?? "").replace(/^"(.*)"$/, "$1"), address: validAddress(named[2] ?? "") };
  return { name: "", address: validAddress(from) };
}

function checkMessage(message: OutgoingMail): { to: string } {
  const to = validAddress(message.to);
  if (message.subject.trim() === "") throw new MailMessageInvalid("empty subject");
  if (/[\r\n]/.test(message.subject)) throw new MailMessageInvalid("line break in the subject");
  if (message.dedupeKey !== undefined && message.dedupeKey === "") throw new MailMessageInvalid("empty dedupe key");
  return { to };
}

/** Parses SMTP_URL into transport options, and lists the secrets to keep out of error texts. */
function transportOptions(smtpUrl: string): { options: SMTPTransportOptions; secrets: string[] } {
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    throw new MailConfigInvalid("not a URL");
  }
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:") throw new MailConfigInvalid("must start with smtp:// or smtps://");
  if (!url.hostname) throw new MailConfigInvalid("no host");
  const user = safeDecode(url.username);
  const pass = safeDecode(url.password);
  const secrets = [pass, url.password, smtpUrl].filter((s) => s.length > 0);
  if (pass) {
    secrets.push(Buffer.from(pass).toString("base64"), Buffer.from(`\u0000${user}\u0000${pass}`).toString("base64"));
  }
  // Logging options in the query would make nodemailer log the message data; drop them.
  for (const key of ["logger", "debug", "transactionLog"]) url.searchParams.delete(key);
  return {
    options: {
      url: url.toString(),
      // Defaults the URL's query may override: fail within seconds rather than nodemailer's minutes.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
      logger: false,
      debug: false,
      disableFileAccess: true,
      disableUrlAccess: true,
    },
    secrets,
  };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The error as one line for the outbox row: nodemailer's code and message, with every secret replaced. */
function describeError(error: unknown, secrets: string[]): string {
  let text: string;
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    text = typeof code === "string" && code !== "" ? `${code}: ${error.message}` : error.message;
  } else {
    text = String(error);
  }
  // Longest first, so a secret that contains another is replaced whole.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) text = text.split(secret).join("***");
  text = text.replace(/\s+/g, " ").trim();
  return text.length > ERROR_MAX ? `${text.slice(0, ERROR_MAX - 1)}…` : text || "unknown error";
}

export function createMailer(options: { smtpUrl?: string; from: string; db: Db }): Mailer {
  const { db } = options;
  const from = parseFrom(options.from);
  const smtp = options.smtpUrl ? transportOptions(options.smtpUrl) : undefined;
  const secrets = smtp?.secrets ?? [];
  let transporter: Transporter | undefined;
  const transport = (): Transporter => (transporter ??= createTransport(smtp!.options));

  async function enqueue(message: OutgoingMail, tx?: Db): Promise<OutboxEntry> {
    const { to } = checkMessage(message);
    const target = tx ?? db;
    const state: OutboxState = smtp ? "queued" : "not_configured";
    const [inserted] = await target
      .insert(mailOutbox)
      .values({
        workspaceId: message.workspaceId ?? null,
        dedupeKey: message.dedupeKey ?? null,
        toAddress: to,
        subject: message.subject,
        bodyText: message.text,
        state,
      })
      .onConflictDoNothing({ target: mailOutbox.dedupeKey })
      .returning();
    if (inserted) return inserted;
    // Only a dedupe key can conflict.
    const [existing] = await target.select().from(mailOutbox).where(eq(mailOutbox.dedupeKey, message.dedupeKey ?? ""));
    if (!existing) throw new Error("mail outbox: dedupe conflict but no existing row");
    return existing;
  }

  async function deliver(entry: OutboxEntry): Promise<boolean | "taken"> {
    const [claimed] = await db
      .update(mailOutbox)
      .set({ state: "sending", claimedAt: new Date() })
      .where(and(eq(mailOutbox.id, entry.id), eq(mailOutbox.state, "queued")))
      .returning({ id: mailOutbox.id });
    if (!claimed) return "taken";
    const mail: SendMailOptions = {
      from,
      to: entry.toAddress,
      subject: entry.subject,
      text: entry.bodyText,
      // RFC 3834: no vacation auto-replies to an automatic message.
      headers: { "Auto-Submitted": "auto-generated" },
    };
    try {
      await transport().sendMail(mail);
    } catch (error) {
      await db
        .update(mailOutbox)
        .set({ state: "failed", error: describeError(error, secrets) })
        .where(and(eq(mailOutbox.id, entry.id), eq(mailOutbox.state, "sending")));
      return false;
    }
    await db
      .update(mailOutbox)
      .set({ state: "sent", sentAt: new Date(), error: null })
      .where(and(eq(mailOutbox.id, entry.id), eq(mailOutbox.state, "sending")));
    return true;
  }

  async function drain(): Promise<DeliveryReport> {
    const report: DeliveryReport = { sent: 0, failed: 0 };
    if (!smtp) return report;
    await db
      .update(mailOutbox)
      .set({ state: "queued", claimedAt: null })
      .where(and(eq(mailOutbox.state, "sending"), lt(mailOutbox.claimedAt, new Date(Date.now() - CLAIM_STALE_MS))));
    // Ids tried in this run: a row whose update did not stick is not sent twice by the same run.
    const tried: string[] = [];
    for (;;) {
      const batch = await db
        .select()
        .from(mailOutbox)
        .where(tried.length ? and(eq(mailOutbox.state, "queued"), notInArray(mailOutbox.id, tried)) : eq(mailOutbox.state, "queued"))
        .orderBy(asc(mailOutbox.createdAt), asc(mailOutbox.id))
        .limit(BATCH);
      if (batch.length === 0) return report;
      for (const entry of batch) {
        tried.push(entry.id);
        const outcome = await deliver(entry);
        if (outcome === true) report.sent += 1;
        else if (outcome === false) report.failed += 1;
      }
    }
  }

  // One run at a time; a call during a run waits for it and then runs again, so rows committed meanwhile are sent.
  let running: Promise<DeliveryReport> | undefined;
  let rerun: Promise<DeliveryReport> | undefined;
  function deliverQueued(): Promise<DeliveryReport> {
    if (!running) {
      running = drain().finally(() => {
        running = undefined;
      });
      return running;
    }
    rerun ??= running
      .catch(() => undefined)
      .then(() => {
        rerun = undefined;
        return deliverQueued();
      });
    return rerun;
  }

  async function send(message: OutgoingMail, tx?: Db): Promise<OutboxEntry> {
    const entry = await enqueue(message, tx);
    if (tx || entry.state !== "queued") return entry;
    await deliverQueued();
    const [after] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, entry.id));
    return after ?? entry;
  }

  return {
    configured: smtp !== undefined,
    enqueue,
    deliverQueued,
    send,
    close: () => transporter?.close(),
  };
}
