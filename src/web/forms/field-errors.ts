// Turns a command's Invalid (field → message key) into messages in the viewer's language. A warning about likely
// personal data also asks for the confirmation box; a refused identity number never does.
import type { PageContext } from "../context.ts";
import type { FieldErrors } from "../components/form.tsx";
import type { MessageKey } from "../i18n/index.ts";
import { hasMessage } from "../i18n/index.ts";
import type { Invalid } from "../../domain/errors.ts";
import { isConfirmable } from "../../commands/guard-texts.ts";

export interface TranslatedProblems {
  errors: FieldErrors;
  /** Show the "I have checked the text" box. */
  askConfirm: boolean;
}

export function translateProblems(ctx: PageContext, error: Invalid): TranslatedProblems {
  const errors: FieldErrors = {};
  let askConfirm = false;
  for (const [field, problem] of Object.entries(error.fields)) {
    errors[field] = hasMessage(problem.key) ? ctx.t(problem.key as MessageKey, problem.params) : problem.key;
    if (problem.key.startsWith("personalData.") && isConfirmable(problem.key)) {
      askConfirm = true;
      errors.confirmPersonalData ??= ctx.t("personalData.confirmNeeded");
    }
  }
  return { errors, askConfirm };
}
