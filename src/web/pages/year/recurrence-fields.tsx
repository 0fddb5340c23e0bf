// How something recurs, as a form asks it: a named pattern ("every other month", "yearly"), the months for a
// yearly one ("twice a year, March and September"), a last date, or a rule of one's own (RRULE) for the unusual.
import type { PageContext } from "../../context.ts";
import { DateField, describedBy, FieldMessages, SelectField, TextField, type FieldErrors } from "../../components/form.tsx";
import { REPEATS, type RecurrenceChoice } from "../../../wheel/recurrence-choice.ts";
import { MONTH_KEYS } from "./wheel-common.tsx";

export const RECURRENCE_FIELD_ORDER = ["repeat", "repeatMonths", "recurrenceUntil", "recurrenceRule"];

export function RecurrenceFields(props: { ctx: PageContext; value: RecurrenceChoice; errors: FieldErrors; hideUntil?: boolean }) {
  const { ctx, value, errors } = props;
  const { t } = ctx;
  const monthsError = errors.repeatMonths;
  return (
    <fieldset class="choices recurrence" id="recurrence">
      <legend>{t("recurrence.legend")}</legend>
      <SelectField
        ctx={ctx} name="repeat" label={t("recurrence.repeat")} value={value.repeat} errors={errors}
        options={REPEATS.map((r) => ({ value: r, label: t(`recurrence.option.${r}`) }))}
      />
      <fieldset class="choices choices--inline" id="repeatMonths" tabIndex={-1} aria-describedby={describedBy("repeatMonths", t("recurrence.monthsHint"), monthsError)}>
        <legend>{t("recurrence.months")}</legend>
        <FieldMessages ctx={ctx} name="repeatMonths" hint={t("recurrence.monthsHint")} error={monthsError} />
        {MONTH_KEYS.map((key, index) => (
          <div class="choices__item" key={key}>
            <input type="checkbox" id={`repeatMonths-${index}`} name="repeatMonths" value={String(index + 1)} checked={value.months.includes(index + 1)} />
            <label for={`repeatMonths-${index}`}>{t(`month.${key}`)}</label>
          </div>
        ))}
      </fieldset>
      {!props.hideUntil && <DateField ctx={ctx} name="recurrenceUntil" label={t("recurrence.untilLabel")} hint={t("recurrence.untilHint")} value={value.until} errors={errors} />}
      <TextField ctx={ctx} name="recurrenceRule" label={t("recurrence.rule")} hint={t("recurrence.ruleHint")} value={value.rule} errors={errors} />
    </fieldset>
  );
}
