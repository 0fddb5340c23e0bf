// The recurrence fields of a form body (see pages/year/recurrence-fields.tsx) as the commands take them.
import { z } from "zod";
import { formList, formText } from "./form-schemas.ts";
import { REPEATS, type RecurrenceChoice } from "../../wheel/recurrence-choice.ts";

export const recurrenceForm = z.object({
  repeat: z.enum(REPEATS).catch("none"),
  repeatMonths: formList.catch([]),
  recurrenceUntil: formText,
  recurrenceRule: formText,
});

export function recurrenceChoice(form: z.infer<typeof recurrenceForm>): RecurrenceChoice {
  return {
    repeat: form.repeat,
    months: form.repeatMonths.map(Number).filter((m) => Number.isInteger(m)),
    until: form.recurrenceUntil.trim(),
    rule: form.recurrenceRule,
  };
}
