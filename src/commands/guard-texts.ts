// The personal-data guard as commands use it: an identity number refuses the field; other likely personal data
// (a mobile number, a private e-mail, "klienten Anna") refuses it only until the person confirms having checked.
import { checkPersonalData } from "../domain/personal-data/index.ts";

export type FieldProblem = { key: string; params?: Record<string, string | number> };

/** The problems per field, as message keys the web layer translates; empty when the texts may be saved. */
export function guardTexts(fields: Array<{ field: string; value: string }>, confirmed: boolean): Record<string, FieldProblem> {
  const { refused, warnings } = checkPersonalData(fields);
  const problems: Record<string, FieldProblem> = {};
  for (const r of refused) problems[r.field] ??= { key: r.messageKey, params: { ...r.params } };
  if (!confirmed) for (const w of warnings) problems[w.field] ??= { key: w.messageKey, params: { ...w.params } };
  return problems;
}

/** True for a problem the person may confirm away (a warning), false for a refusal. */
export const isConfirmable = (key: string) => key !== "personalData.identityNumber" && key !== "personalData.coordinationNumber";
