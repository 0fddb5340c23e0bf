// The mailer as routes use it: the configured one, or (tests, a state built without one) a mailer that keeps every
// message in the outbox as not configured; and delivery started after a commit, never failing the request.
import type { FastifyRequest } from "fastify";
import { createMailer, type Mailer } from "../mail/mailer.ts";
import type { AppState } from "./app-state.ts";

const FALLBACK_FROM = "Samverka <noreply@samverka.invalid>";
const fallbacks = new WeakMap<AppState, Mailer>();

export function mailerOf(state: AppState): Mailer {
  if (state.mailer) return state.mailer;
  let fallback = fallbacks.get(state);
  if (!fallback) {
    fallback = createMailer({ from: FALLBACK_FROM, db: state.database.db });
    fallbacks.set(state, fallback);
  }
  return fallback;
}

/** Starts delivery of what was enqueued; waits for it at most `waitMs`. Failures are logged, never thrown. */
export async function deliverAfterCommit(request: FastifyRequest, mailer: Mailer, waitMs = 0): Promise<void> {
  if (!mailer.configured) return;
  const delivery = mailer.deliverQueued().then(
    () => undefined,
    (error: unknown) => request.log.warn({ err: error }, "mail delivery failed"),
  );
  if (waitMs <= 0) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([delivery, new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)))]);
  clearTimeout(timer);
}
