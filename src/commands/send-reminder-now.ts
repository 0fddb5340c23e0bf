// "Send reminder now": the coordinator reminds the editors of one organisation in an open round, or of every
// organisation that has not submitted, with the same mail as the scheduled reminders. A double click within the same
// minute sends once (dedupe key reminder-now:<round>:<person>:<minute>). Audited when something was recorded.
// Delivery is the caller's job, after the commit.
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../db/client.ts";
import * as s from "../db/schema/index.ts";
import { Forbidden, Invalid, LoginRequired, NotFound } from "../domain/errors.ts";
import type { Viewer } from "../domain/roles.ts";
import type { Mailer } from "../mail/mailer.ts";
import { can } from "../policies/can.ts";
import { enqueueReminders, lateOrganisations, reminderRecipients, reminderRound } from "../follow-up/reminders.ts";
import { localDate } from "../domain/local-date.ts";
import { recordAudit } from "./audit.ts";

export interface SendReminderNowInput {
  roundId: string;
  /** One organisation in the round; empty or absent: every organisation that has not submitted. */
  organisationId?: string | null;
  publicUrl: string;
  now?: Date;
}

export interface SentReminderNow {
  /** People reminded (also those whose mail was recorded by a click earlier in the same minute). */
  recipients: number;
  /** Mails recorded by this call. */
  enqueued: number;
}

export async function sendReminderNow(db: Db, mailer: Mailer, viewer: Viewer | null, input: SendReminderNowInput): Promise<SentReminderNow> {
  if (!viewer) throw new LoginRequired();
  const now = input.now ?? new Date();
  const organisationId = input.organisationId?.trim() || null;
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const round = await reminderRound(t, input.roundId, { lock: true });
    if (!round) throw new NotFound("follow_up_round");
    if (!can(viewer, "sendReminders", { type: "followUp", workspaceId: round.workspaceId })) throw new Forbidden();
    if (round.state !== "open") throw new Invalid({ round: { key: "reminder.roundNotOpen", params: { round: round.name } } });

    let organisationName: string | null = null;
    if (organisationId) {
      const [inRound] = z.uuid().safeParse(organisationId).success
        ? await t
            .select({ name: s.organisations.name })
            .from(s.organisationReports)
            .innerJoin(s.organisations, eq(s.organisations.id, s.organisationReports.organisationId))
            .where(and(eq(s.organisationReports.roundId, round.id), eq(s.organisationReports.organisationId, organisationId)))
        : [];
      if (!inRound) throw new Invalid({ organisationId: { key: "form.unknownChoice" } });
      organisationName = inRound.name;
    }
    const late = await lateOrganisations(t, round.id, organisationId);
    if (late.length === 0) {
      throw organisationName
        ? new Invalid({ organisationId: { key: "reminder.alreadySubmitted", params: { organisation: organisationName } } })
        : new Invalid({ round: { key: "reminder.noneLate", params: { round: round.name } } });
    }
    const people = await reminderRecipients(t, round.workspaceId, late);
    if (people.length === 0) {
      throw new Invalid({
        [organisationName ? "organisationId" : "round"]: { key: "reminder.noEditors", params: { organisations: late.map((o) => o.name).join(", ") } },
      });
    }
    const minute = now.toISOString().slice(0, 16);
    const sent = await enqueueReminders(t, mailer, {
      round, people, today: localDate(now), publicUrl: input.publicUrl, keyOf: (userId) => `reminder-now:${round.id}:${userId}:${minute}`,
    });
    if (sent.enqueued > 0) {
      await recordAudit(t, {
        workspaceId: round.workspaceId, actorUserId: viewer.userId, via: "web", action: "followUpRound.reminderSentNow", subjectType: "follow_up_round",
        subjectId: round.id, organisationId,
        changes: [
          { field: "count", before: null, after: sent.enqueued },
          { field: "organisation", before: null, after: organisationName ?? late.map((o) => o.name).join(", ") },
        ],
      });
    }
    return sent;
  });
}
