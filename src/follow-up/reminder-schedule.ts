// The reminder schedule inside the app process (croner): sendDueReminders shortly after start, then every 15 minutes
// in Swedish time. Runs never overlap (protect); an error is logged and the next run tries again. Sending twice is
// prevented by the outbox's dedupe keys, not by the schedule, so several processes may each run one.
import { Cron } from "croner";
import type { Db } from "../db/client.ts";
import type { Mailer } from "../mail/mailer.ts";
import { REMINDER_TIME_ZONE, sendDueReminders, type DueRemindersReport } from "./reminders.ts";

/** Every 15 minutes (croner: minute field). */
export const REMINDER_PATTERN = "*/15 * * * *";
/** The first run, after the server has started answering. */
const FIRST_RUN_DELAY_MS = 5_000;

export interface ReminderLog {
  debug(object: object, message: string): void;
  info(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface ReminderScheduleOptions {
  db: Db;
  mailer: Mailer;
  publicUrl: string;
  log: ReminderLog;
  /** A croner pattern; default every 15 minutes. */
  pattern?: string;
  /** Delay of the first run after start (ms); default 5 s. */
  firstRunDelayMs?: number;
  /** The clock (tests); default the real time. */
  now?: () => Date;
}

/** Starts the schedule; the function returned stops it and waits for a run in progress to finish. */
export function startReminderSchedule(options: ReminderScheduleOptions): () => Promise<void> {
  const { db, mailer, publicUrl, log } = options;
  const now = options.now ?? (() => new Date());
  let current: Promise<void> | undefined;

  const run = async (): Promise<void> => {
    const report: DueRemindersReport = await sendDueReminders(db, mailer, { now: now(), publicUrl });
    for (const { roundId, error } of report.errors) log.error({ err: error, roundId }, "reminders for a follow-up round failed");
    log.debug({ rounds: report.rounds, due: report.dueRounds, enqueued: report.enqueued }, "reminder run");
    if (report.enqueued > 0 || report.delivery.sent > 0 || report.delivery.failed > 0) {
      log.info({ rounds: report.dueRounds, enqueued: report.enqueued, sent: report.delivery.sent, failed: report.delivery.failed }, "reminders sent");
    }
  };
  const guarded = (): Promise<void> => {
    // The first run and a scheduled one may meet: the later simply waits for the next turn.
    if (current) return current;
    current = run()
      .catch((error: unknown) => log.error({ err: error }, "reminder run failed"))
      .finally(() => {
        current = undefined;
      });
    return current;
  };

  const job = new Cron(options.pattern ?? REMINDER_PATTERN, { timezone: REMINDER_TIME_ZONE, protect: true, unref: true }, guarded);
  const first = setTimeout(() => void guarded(), options.firstRunDelayMs ?? FIRST_RUN_DELAY_MS);
  // Neither timer keeps a process alive on its own (the web server does).
  first.unref();

  return async () => {
    clearTimeout(first);
    job.stop();
    await current;
  };
}
