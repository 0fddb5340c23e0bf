// The next step on an organisation's report, for whoever may take it: the editor submits (confirming activities not
// started), the approver approves with where it was anchored or sends it back, the coordinator accepts or returns
// it with a comment, or reopens it after the round closed.
import type { PageContext } from "../../../context.ts";
import { DateField, PostForm, TextField, type FieldErrors } from "../../../components/form.tsx";
import { ChoiceGroup, TextAreaField } from "../../../components/form-choices.tsx";
import type { OrganisationReportView } from "../../../../queries/organisation-report.ts";
import type { Round } from "../../../../queries/plan-graph.ts";
import { shortActivityName } from "../../../../domain/activity-name.ts";

export interface ReportRights {
  report: boolean;
  approve: boolean;
  decide: boolean;
  manageRounds: boolean;
}

export interface ReportActionValues {
  anchoredIn: string;
  anchoredOn: string;
  comment: string;
  /** The comment when sending back (approver) or returning (coordinator). */
  returnComment: string;
}

const ANCHOR_SUGGESTIONS = ["Styrgrupp", "Ledningsgrupp", "Avdelningschefer", "HR-chef"];

export function ReportActions(props: {
  ctx: PageContext; base: string; round: Round; view: OrganisationReportView; writable: boolean; rights: ReportRights; values: ReportActionValues; errors: FieldErrors;
}) {
  const { ctx, view, rights, values, errors, base, round } = props;
  const report = view.report;
  const open = round.state === "open" || report.reopenedAt !== null;
  const unexplained = view.lines.filter((l) => (!l.status || l.status.meaning === "not_started") && !l.statusComment.trim());
  const decidable = report.state === "approved" || (report.state === "submitted" && view.approvers === 0);
  const version = <input type="hidden" name="version" value={String(report.version)} />;
  return (
    <>
      {props.writable && rights.report && (
        <section aria-labelledby="submit-heading" class="report-step">
          <h2 id="submit-heading">{ctx.t("report.submitHeading")}</h2>
          <p>{view.approvers > 0 ? ctx.t("report.submitIntro") : ctx.t("report.submitIntroNoApprover")}</p>
          <PostForm ctx={ctx} action={`${base}/lamna-in`} class="form" novalidate>
            {version}
            {unexplained.length > 0 && (
              <ChoiceGroup
                ctx={ctx} name="confirmNotStarted" id="confirmNotStarted" legend={ctx.t("report.confirmNotStartedLegend")}
                hint={ctx.t("report.confirmNotStartedHint", { numbers: unexplained.map(shortActivityName).join(", ") })}
                values={[]} errors={errors} options={[{ value: "1", label: ctx.t("report.confirmNotStartedBox") }]}
              />
            )}
            <div class="form-actions">
              <button type="submit" class="button" id="submit">
                {ctx.t("report.submitButton")}
              </button>
            </div>
          </PostForm>
        </section>
      )}
      {open && rights.approve && report.state === "submitted" && (
        <section aria-labelledby="approve-heading" class="report-step">
          <h2 id="approve-heading">{ctx.t("report.approveHeading")}</h2>
          <p>{ctx.t(round.approvalMode === "all" ? "report.approveIntroAll" : "report.approveIntro")}</p>
          <PostForm ctx={ctx} action={`${base}/godkann`} class="form" novalidate>
            {version}
            <TextField ctx={ctx} name="anchoredIn" label={ctx.t("report.anchoredInLabel")} hint={ctx.t("report.anchoredInHint", { examples: ANCHOR_SUGGESTIONS.join(", ") })} value={values.anchoredIn} errors={errors} />
            <DateField ctx={ctx} name="anchoredOn" label={ctx.t("report.anchoredOnLabel")} value={values.anchoredOn} errors={errors} />
            <TextAreaField ctx={ctx} name="comment" label={ctx.t("report.approveComment")} value={values.comment} errors={errors} rows={2} />
            <div class="form-actions">
              <button type="submit" class="button" id="approve">
                {ctx.t("report.approveButton")}
              </button>
            </div>
          </PostForm>
          <PostForm ctx={ctx} action={`${base}/avsla`} class="form" novalidate>
            {version}
            <TextAreaField ctx={ctx} name="returnComment" label={ctx.t("report.declineComment")} value={values.returnComment} errors={errors} rows={3} />
            <div class="form-actions">
              <button type="submit" class="button button--secondary" id="decline">
                {ctx.t("report.declineButton")}
              </button>
            </div>
          </PostForm>
        </section>
      )}
      {open && rights.decide && decidable && (
        <section aria-labelledby="decide-heading" class="report-step">
          <h2 id="decide-heading">{ctx.t("report.decideHeading")}</h2>
          <PostForm ctx={ctx} action={`${base}/acceptera`} class="form">
            {version}
            <p>{ctx.t("report.acceptIntro")}</p>
            <div class="form-actions">
              <button type="submit" class="button" id="accept">
                {ctx.t("report.acceptButton")}
              </button>
            </div>
          </PostForm>
          <PostForm ctx={ctx} action={`${base}/returnera`} class="form" novalidate>
            {version}
            <TextAreaField ctx={ctx} name="returnComment" label={ctx.t("report.returnComment")} hint={ctx.t("report.returnHint")} value={values.returnComment} errors={errors} rows={3} />
            <div class="form-actions">
              <button type="submit" class="button button--secondary" id="return">
                {ctx.t("report.returnButton")}
              </button>
            </div>
          </PostForm>
        </section>
      )}
      {rights.manageRounds && round.state === "closed" && !report.reopenedAt && (
        <section aria-labelledby="reopen-heading" class="report-step">
          <h2 id="reopen-heading">{ctx.t("report.reopenHeading")}</h2>
          <PostForm ctx={ctx} action={`${base}/oppna-igen`} class="form">
            {version}
            <p>{ctx.t("report.reopenIntro")}</p>
            <button type="submit" class="button button--secondary" id="reopen">
              {ctx.t("report.reopenButton")}
            </button>
          </PostForm>
        </section>
      )}
    </>
  );
}
