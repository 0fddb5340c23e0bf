// The one way a form POST ends: run the command; on success set the confirmation and go back (303); on bad input
// show the form again with the errors (400); on a stale version show it with the other person's values (409).
import type { FastifyReply } from "fastify";
import { Conflict, Invalid } from "../../domain/errors.ts";
import type { PageContext } from "../context.ts";
import type { MessageKey } from "../i18n/index.ts";
import type { PageNode } from "../render.ts";
import { setFlash, type FlashParams } from "./flash.ts";
import { sendPage } from "./send-page.ts";
import { translateProblems, type TranslatedProblems } from "./field-errors.ts";

export interface SubmitOptions<R> {
  ctx: PageContext;
  reply: FastifyReply;
  run: () => Promise<R>;
  /** Where to go after a save (may depend on what the command returned, e.g. a new row's page). */
  redirect: (result: R) => string;
  /** The confirmation shown on the page returned to. */
  flash: MessageKey;
  /** Whole-number parameters of the confirmation ("{count}"), from what the command returned. */
  flashParams?: (result: R) => FlashParams;
  /** The form again with the problems (sent as 400). */
  invalid: (problems: TranslatedProblems) => PageNode;
  /** The form with what is saved now (sent as 409). Without it a conflict shows as a problem with the version. */
  conflict?: (conflict: Conflict<unknown>, problems: TranslatedProblems) => PageNode;
  /** Called after a save, before the redirect (empties read caches). */
  after?: () => void;
}

export async function submitForm<R>(options: SubmitOptions<R>) {
  const { ctx, reply } = options;
  let result: R;
  try {
    result = await options.run();
  } catch (error) {
    if (error instanceof Invalid) return sendPage(reply, options.invalid(translateProblems(ctx, error)), 400);
    if (error instanceof Conflict) {
      const problems = { errors: { version: ctx.t("conflict.summary") }, askConfirm: false };
      return sendPage(reply, options.conflict ? options.conflict(error, problems) : options.invalid(problems), 409);
    }
    throw error;
  }
  options.after?.();
  setFlash(reply, options.flash, options.flashParams?.(result));
  return reply.redirect(options.redirect(result), 303);
}
