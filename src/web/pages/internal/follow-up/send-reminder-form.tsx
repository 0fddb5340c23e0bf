// "Send reminder now": the small button form other follow-up pages place (the round overview), and the page shown when
// the reminder could not be sent (a closed round, an organisation that has submitted), with the form to try again.
import type { PageContext } from "../../../context.ts";
import { Layout, type Crumb } from "../../../components/layout.tsx";
import { ErrorSummary, PostForm, SelectField, type FieldErrors, type Option } from "../../../components/form.tsx";

/** Where "send reminder now" posts for a round (`P/uppfoljning/:round/paminn`). */
export const reminderLinks = {
  sendNow: (ws: string, plan: string, round: string) => `/${ws}/planer/${plan}/uppfoljning/${round}/paminn`,
  overview: (ws: string, plan: string, round: string) => `/${ws}/planer/${plan}/uppfoljning/${round}/oversikt`,
  outbox: (ws: string) => `/${ws}/utkorg`,
};

/**
 * A button that reminds the editors of one organisation (`organisationId`) or of every organisation that has not
 * submitted. `label` is the button's visible (and accessible) name: make it unique on the page, e.g. with the
 * organisation's name. `returnTo` is the page to come back to.
 */
export function SendReminderForm(props: { ctx: PageContext; action: string; organisationId?: string; label: string; returnTo: string }) {
  return (
    <PostForm ctx={props.ctx} action={props.action} class="send-reminder-form">
      {props.organisationId && <input type="hidden" name="organisationId" value={props.organisationId} />}
      <input type="hidden" name="tillbaka" value={props.returnTo} />
      <button type="submit" class="button button--secondary button--small">
        {props.label}
      </button>
    </PostForm>
  );
}

export interface SendReminderPageProps {
  ctx: PageContext;
  crumbs: Crumb[];
  action: string;
  back: string;
  /** "Uppföljning 2025: sista dag 15 februari 2026. Uppföljningen är stängd." */
  roundLine: string;
  /** Only for an open round: the organisations that have not submitted. */
  organisations: Option[] | null;
  organisationId: string;
  errors: FieldErrors;
}

export function SendReminderPage(props: SendReminderPageProps) {
  const { ctx, errors } = props;
  const heading = ctx.t("reminder.send.title");
  const title = Object.keys(errors).length ? ctx.t("form.errorTitle", { title: heading }) : heading;
  return (
    <Layout ctx={ctx} title={title} crumbs={props.crumbs}>
      <h1>{heading}</h1>
      <ErrorSummary ctx={ctx} errors={errors} order={["round", "organisationId"]} />
      <p id="round" tabIndex={-1}>
        {props.roundLine}
      </p>
      {props.organisations && props.organisations.length > 0 && (
        <PostForm ctx={ctx} action={props.action} class="form">
          <input type="hidden" name="tillbaka" value={props.back} />
          <SelectField
            ctx={ctx} name="organisationId" label={ctx.t("reminder.send.organisation")} options={props.organisations}
            emptyLabel={ctx.t("reminder.send.allLate")} value={props.organisationId} errors={errors}
          />
          <p class="form-buttons">
            <button type="submit" class="button">
              {ctx.t("reminder.send.submit")}
            </button>
            <a href={props.back}>{ctx.t("reminder.send.back")}</a>
          </p>
        </PostForm>
      )}
      {!(props.organisations && props.organisations.length > 0) && (
        <p>
          <a href={props.back}>{ctx.t("reminder.send.back")}</a>
        </p>
      )}
    </Layout>
  );
}
