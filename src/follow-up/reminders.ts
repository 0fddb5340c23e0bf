// Reminders of a follow-up round's deadline (issue 6): at each of the round's offsets (days before the deadline;
// negative = after it; default 14, 3 and -1, the day after), the editors of every organisation that has not
// submitted get one mail, in their own language, with the deadline, the days left and how many of their activity
// reports are done. The schedule (reminder-schedule.ts) calls sendDueReminders every few minutes; "send reminder
// now" (commands/send-reminder-now.ts) composes the same mail.
//
// Once per person, round and offset: each mail carries the dedupe key reminder:<round>:<offset>:<person>, unique in
// the outbox, so neither a restart nor a second process on the same PostgreSQL sends it again. Each round is handled
// in one transaction that first locks the round row, so two processes take turns and the audit counts are exact.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import * as s from "../db/schema/index.ts";
import { vocabularyLabel, type Locale, type PlanVocabulary } from "../domain/vocabulary.ts";
import { MailAddressInvalid, type DeliveryReport, type Mailer } from "../mail/mailer.ts";
import { recordAudit } from "../commands/audit.ts";
import { peopleWithRole, type Recipient } from "../commands/support/recipients.ts";
import { formatDate, translator } from "../web/i18n/index.ts";
import { daysBetween, localDate } from "../domain/local-date.ts";
import { reportedCount } from "./reported.ts";

/** The time zone the deadlines are dates in. */
export const REMINDER_TIME_ZONE = "Europe/Stockholm";
/** Organisation report states that have not been submitted: their editors are reminded. */
export const REMINDABLE_STATES = ["not_started", "draft", "returned"] as const;

/**
 * The offset whose reminder is due with `daysLeft` days to the deadline: of the offsets already reached
 * (daysLeft ≤ offset), the most recent one — the smallest. None reached: null.
 */
export function dueOffset(offsets: readonly number[], daysLeft: number): number | null {
  const reached = offsets.filter((o) => Number.isInteger(o) && daysLeft <= o);
  return reached.length ? Math.min(...reached) : null;
}

/** What a reminder needs to know about its round. */
export interface ReminderRound {
  id: string;
  workspaceId: string;
  workspaceSlug: string;
  slug: string;
  name: string;
  state: string;
  deadline: string;
  reminderOffsets: number[];
  planSlug: string;
  planName: string;
  vocabulary: PlanVocabulary;
}

/** An organisation in the round that has not submitted, with how far its activity reports have come. */
export interface LateOrganisation {
  organisationId: string;
  name: string;
  slug: string;
  state: string;
  done: number;
  total: number;
}

/** The round with its plan and workspace; with `lock`, the round row is locked for the rest of the transaction. */
export async function reminderRound(t: Db, roundId: string, options: { lock?: boolean } = {}): Promise<ReminderRound | null> {
  if (options.lock) {
    const [locked] = await t.select({ id: s.followUpRounds.id }).from(s.followUpRounds).where(eq(s.followUpRounds.id, roundId)).for("update");
    if (!locked) return null;
  }
  const [row] = await t
    .select({
      id: s.followUpRounds.id, workspaceId: s.followUpRounds.workspaceId, workspaceSlug: s.workspaces.slug, slug: s.followUpRounds.slug,
      name: s.followUpRounds.name, state: s.followUpRounds.state, deadline: s.followUpRounds.deadline, reminderOffsets: s.followUpRounds.reminderOffsets,
      planSlug: s.plans.slug, planName: s.plans.name, vocabulary: s.plans.vocabulary,
    })
    .from(s.followUpRounds)
    .innerJoin(s.plans, eq(s.plans.id, s.followUpRounds.planId))
    .innerJoin(s.workspaces, eq(s.workspaces.id, s.followUpRounds.workspaceId))
    .where(eq(s.followUpRounds.id, roundId));
  return row ?? null;
}

/** The round's organisations whose report is not submitted (only `organisationId`, when given), by name. */
export async function lateOrganisations(t: Db, roundId: string, organisationId?: string | null): Promise<LateOrganisation[]> {
  return t
    .select({
      organisationId: s.organisations.id, name: s.organisations.name, slug: s.organisations.slug, state: s.organisationReports.state,
      done: reportedCount(), total: sql<number>`count(${s.activityReports.id})::int`,
    })
    .from(s.organisationReports)
    .innerJoin(s.organisations, eq(s.organisations.id, s.organisationReports.organisationId))
    .leftJoin(s.activityReports, eq(s.activityReports.organisationReportId, s.organisationReports.id))
    .where(and(
      eq(s.organisationReports.roundId, roundId), inArray(s.organisationReports.state, [...REMINDABLE_STATES]),
      organisationId ? eq(s.organisationReports.organisationId, organisationId) : undefined,
    ))
    .groupBy(s.organisations.id, s.organisationReports.id)
    .orderBy(asc(s.organisations.name), asc(s.organisations.id));
}

/** A person to remind, with the organisations they are editor for among the late ones. */
export interface ReminderRecipient {
  recipient: Recipient;
  organisations: LateOrganisation[];
}

/** The active editors of the late organisations, each once, by e-mail address. */
export async function reminderRecipients(t: Db, workspaceId: string, organisations: LateOrganisation[]): Promise<ReminderRecipient[]> {
  const byUser = new Map<string, ReminderRecipient>();
  for (const organisation of organisations) {
    for (const recipient of await peopleWithRole(t, workspaceId, ["editor"], organisation.organisationId)) {
      const entry = byUser.get(recipient.userId) ?? { recipient, organisations: [] };
      entry.organisations.push(organisation);
      byUser.set(recipient.userId, entry);
    }
  }
  return [...byUser.values()].sort((a, b) => a.recipient.email.localeCompare(b.recipient.email));
}

/** The address of an organisation's report in the round. */
export function reportLink(publicUrl: string, round: ReminderRound, organisationSlug: string): string {
  return `${publicUrl.replace(/\/+$/, "")}/${round.workspaceSlug}/planer/${round.planSlug}/uppfoljning/${round.slug}/${organisationSlug}`;
}

/** The reminder mail for one person, in their language: the round, the deadline, days left, each organisation's progress and link. */
export function composeReminder(
  locale: Locale,
  details: { round: ReminderRound; name: string; today: string; organisations: LateOrganisation[]; publicUrl: string },
): { subject: string; text: string } {
  const t = translator(locale);
  const { round } = details;
  const deadline = formatDate(round.deadline, locale);
  const daysLeft = daysBetween(details.today, round.deadline);
  const when =
    daysLeft > 0 ? t("reminder.mail.daysLeft", { count: daysLeft }) : daysLeft === 0 ? t("reminder.mail.dueToday") : t("reminder.mail.overdue", { count: -daysLeft });
  const subject = t(daysLeft >= 0 ? "reminder.mail.subject" : "reminder.mail.subjectOverdue", { round: round.name, deadline });
  const lines = [
    t("reminder.mail.greeting", { name: details.name }),
    "",
    t("reminder.mail.intro", { round: round.name, plan: round.planName }),
    t(daysLeft >= 0 ? "reminder.mail.deadline" : "reminder.mail.deadlinePassed", { deadline, when }),
    "",
  ];
  for (const organisation of details.organisations) {
    const measures = vocabularyLabel(round.vocabulary, "measure", locale, organisation.total === 1 ? "one" : "other").toLocaleLowerCase(locale === "sv" ? "sv-SE" : "en-GB");
    lines.push(
      `${organisation.name}: ${t("reminder.mail.progress", { done: organisation.done, count: organisation.total, measures })}`,
      ...(organisation.state === "returned" ? [t("reminder.mail.returned")] : []),
      t("reminder.mail.link", { link: reportLink(details.publicUrl, round, organisation.slug) }),
      "",
    );
  }
  lines.push(t("reminder.mail.reportedMeans"), t("reminder.mail.why"), "", t("reminder.mail.signature"));
  return { subject, text: lines.join("\n") };
}

export interface EnqueuedReminders {
  /** People the reminder is for. */
  recipients: number;
  /** Mails recorded now (not counting those already in the outbox under the same key). */
  enqueued: number;
}

/**
 * Records one reminder per person in `t` (the caller's transaction) under `keyOf(person)`, skipping keys already
 * in the outbox and addresses the mailer refuses.
 */
export async function enqueueReminders(
  t: Db,
  mailer: Mailer,
  options: { round: ReminderRound; people: ReminderRecipient[]; today: string; publicUrl: string; keyOf: (userId: string) => string },
): Promise<EnqueuedReminders> {
  const keys = options.people.map((p) => options.keyOf(p.recipient.userId));
  const already = new Set(
    keys.length
      ? (await t.select({ key: s.mailOutbox.dedupeKey }).from(s.mailOutbox).where(inArray(s.mailOutbox.dedupeKey, keys))).map((r) => r.key)
      : [],
  );
  let enqueued = 0;
  for (const person of options.people) {
    const dedupeKey = options.keyOf(person.recipient.userId);
    if (already.has(dedupeKey)) continue;
    const message = composeReminder(person.recipient.locale, {
      round: options.round, name: person.recipient.name, today: options.today, organisations: person.organisations, publicUrl: options.publicUrl,
    });
    try {
      await mailer.enqueue({ workspaceId: options.round.workspaceId, to: person.recipient.email, subject: message.subject, text: message.text, dedupeKey }, t);
    } catch (error) {
      // Checked before any SQL runs, so the transaction is intact: the others still get theirs.
      if (error instanceof MailAddressInvalid) continue;
      throw error;
    }
    enqueued += 1;
  }
  return { recipients: options.people.length, enqueued };
}

export interface DueRemindersReport {
  /** Open rounds looked at. */
  rounds: number;
  /** Rounds where an offset was due. */
  dueRounds: number;
  /** Mails recorded in this run. */
  enqueued: number;
  /** Delivery of the outbox after the run (nothing without SMTP). */
  delivery: DeliveryReport;
  /** Rounds that failed (the others went ahead); the schedule logs them. */
  errors: Array<{ roundId: string; error: unknown }>;
}

/**
 * Sends every reminder that is due at `now` for the open rounds of every workspace: per round the most recent
 * offset reached, to the editors of the organisations that have not submitted. Safe to call any number of times,
 * from any number of processes: a person gets each round's reminder for an offset once.
 */
export async function sendDueReminders(db: Db, mailer: Mailer, options: { now: Date; publicUrl: string }): Promise<DueRemindersReport> {
  const today = localDate(options.now);
  const open = await db
    .select({ id: s.followUpRounds.id })
    .from(s.followUpRounds)
    .where(eq(s.followUpRounds.state, "open"))
    .orderBy(asc(s.followUpRounds.deadline), asc(s.followUpRounds.id));
  const report: DueRemindersReport = { rounds: open.length, dueRounds: 0, enqueued: 0, delivery: { sent: 0, failed: 0 }, errors: [] };
  for (const { id } of open) {
    try {
      const outcome = await db.transaction(async (tx) => {
        const t = tx as unknown as Db;
        const round = await reminderRound(t, id, { lock: true });
        if (!round || round.state !== "open") return null;
        const offset = dueOffset(round.reminderOffsets, daysBetween(today, round.deadline));
        if (offset === null) return null;
        const prefix = `reminder:${round.id}:${offset}:`;
        const late = await lateOrganisations(t, round.id);
        const people = await reminderRecipients(t, round.workspaceId, late);
        const sent = await enqueueReminders(t, mailer, { round, people, today, publicUrl: options.publicUrl, keyOf: (userId) => `${prefix}${userId}` });
        if (sent.enqueued > 0) {
          await recordAudit(t, {
            workspaceId: round.workspaceId, actorUserId: null, via: "system", action: "followUpRound.remindersSent", subjectType: "follow_up_round",
            subjectId: round.id, changes: [{ field: "offset", before: null, after: offset }, { field: "count", before: null, after: sent.enqueued }],
          });
        }
        return sent;
      });
      if (outcome) {
        report.dueRounds += 1;
        report.enqueued += outcome.enqueued;
      }
    } catch (error) {
      report.errors.push({ roundId: id, error });
    }
  }
  report.delivery = await mailer.deliverQueued();
  return report;
}
