// A workspace's outbox for the outbox page: newest first, a page at a time, optionally one state. Single-use links
// (invitations, password resets) are masked in the text: the page shows what was sent, not a way in.
import { and, count, desc, eq, type SQL } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { mailOutbox } from "../db/schema/index.ts";
import type { OutboxState } from "../mail/mailer.ts";

export const OUTBOX_STATES: readonly OutboxState[] = ["queued", "sending", "sent", "failed", "not_configured"];
export const OUTBOX_PAGE_SIZE = 50;

export function isOutboxState(value: unknown): value is OutboxState {
  return typeof value === "string" && (OUTBOX_STATES as readonly string[]).includes(value);
}

export interface OutboxRow {
  id: string;
  createdAt: Date;
  sentAt: Date | null;
  to: string;
  subject: string;
  state: string;
  error: string | null;
  /** The body, single-use links replaced by `hidden`. */
  text: string;
}

export interface OutboxPage {
  rows: OutboxRow[];
  total: number;
  /** 1-based; clamped to the pages there are. */
  page: number;
  pages: number;
}

/** Paths of links that let their holder in (accept an invitation, set a password): the token is not shown. */
const ONE_TIME_LINK = /https?:\/\/\S*\/(?:inbjudan|aterstall-losenord)\/\S+/g;

export function maskOneTimeLinks(text: string, hidden: string): string {
  return text.replace(ONE_TIME_LINK, hidden);
}

export async function outboxPage(
  db: Db,
  workspaceId: string,
  options: { page: number; state?: OutboxState | undefined; hiddenLink: string },
): Promise<OutboxPage> {
  const where: SQL = and(eq(mailOutbox.workspaceId, workspaceId), options.state ? eq(mailOutbox.state, options.state) : undefined)!;
  const [counted] = await db.select({ n: count() }).from(mailOutbox).where(where);
  const total = Number(counted?.n ?? 0);
  const pages = Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(options.page)), pages);
  const rows = await db
    .select()
    .from(mailOutbox)
    .where(where)
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
    .limit(OUTBOX_PAGE_SIZE)
    .offset((page - 1) * OUTBOX_PAGE_SIZE);
  return {
    total, page, pages,
    rows: rows.map((r) => ({
      id: r.id, createdAt: r.createdAt, sentAt: r.sentAt, to: r.toAddress, subject: r.subject, state: r.state, error: r.error,
      text: maskOneTimeLinks(r.bodyText, options.hiddenLink),
    })),
  };
}
