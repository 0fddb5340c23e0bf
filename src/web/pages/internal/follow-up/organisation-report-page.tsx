// An organisation's report in a round: where it stands, the activities it reports on (done or not), the parts it may
// add as co-responsible, its own texts, and the next step for whoever is looking: submit, approve, accept or return.
import type { PageContext } from "../../../context.ts";
import { Layout, type Crumb } from "../../../components/layout.tsx";
import { ErrorSummary, PostForm, type FieldErrors } from "../../../components/form.tsx";
import { ConfirmPersonalData, TextAreaField } from "../../../components/form-choices.tsx";
import { Swatch } from "../../../components/status-bar.tsx";
import { TableWrap } from "../../../components/table-wrap.tsx";
import { Paragraphs } from "../../../components/text.tsx";
import { formatDate, formatDateTime, type MessageKey } from "../../../i18n/index.ts";
import type { OrganisationReportView } from "../../../../queries/organisation-report.ts";
import type { Round } from "../../../../queries/plan-graph.ts";
import type { ReportSummaryFields } from "../../../../commands/save-report-summary.ts";
import { ReportActions, type ReportActionValues, type ReportRights } from "./report-actions.tsx";

export interface OrganisationReportPageProps {
  ctx: PageContext;
  crumbs: Crumb[];
  base: string;
  historyHref: string;
  round: Round;
  view: OrganisationReportView;
  writable: boolean;
  rights: ReportRights;
  measureWord: string;
  summary: ReportSummaryFields;
  summaryTheirs?: ReportSummaryFields | undefined;
  actionValues: ReportActionValues;
  errors: FieldErrors;
  askConfirm: boolean;
}

export const REPORT_ERROR_ORDER = [
  "version", "report", "activityId", "introduction", "howMade", "summary", "submit", "confirmNotStarted", "approve", "anchoredIn", "anchoredOn", "comment", "returnComment",
  "decline", "accept", "return", "reopen", "confirmPersonalData",
];

export function OrganisationReportPage(props: OrganisationReportPageProps) {
  const { ctx, view, round, errors } = props;
  const { report } = view;
  const title = ctx.t("report.title", { organisation: view.organisation.name, round: round.name });
  const hasErrors = Object.keys(errors).length > 0;
  const done = view.lines.filter((l) => l.reported).length;
  const statusName = (l: OrganisationReportView["lines"][number]) => (ctx.locale === "en" && l.status?.nameEn) || l.status?.name || "";
  return (
    <Layout ctx={ctx} title={hasErrors ? ctx.t("form.errorTitle", { title }) : title} crumbs={props.crumbs}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} order={REPORT_ERROR_ORDER} />
      <dl class="facts">
        <dt>{ctx.t("report.stateLabel")}</dt>
        <dd>
          <span class={`tag report-state report-state--${report.state}`}>{ctx.t(`report.state.${report.state}` as MessageKey)}</span>
        </dd>
        <dt>{ctx.t("report.deadline")}</dt>
        <dd>{formatDate(round.deadline, ctx.locale)}</dd>
        <dt>{ctx.t("report.progress")}</dt>
        <dd>{ctx.t("report.doneOf", { done, count: view.lines.length })}</dd>
        {report.submittedAt && (
          <>
            <dt>{ctx.t("report.submitted")}</dt>
            <dd>{ctx.t("report.byOn", { name: view.submittedByName ?? "–", date: formatDateTime(report.submittedAt, ctx.locale, "medium") })}</dd>
          </>
        )}
        {report.anchoredIn && (
          <>
            <dt>{ctx.t("report.anchored")}</dt>
            <dd>{ctx.t("report.anchoredInOn", { body: report.anchoredIn, date: formatDate(report.anchoredOn, ctx.locale) })}</dd>
          </>
        )}
        {report.acceptedAt && (
          <>
            <dt>{ctx.t("report.acceptedLabel")}</dt>
            <dd>{ctx.t("report.byOn", { name: view.acceptedByName ?? "–", date: formatDateTime(report.acceptedAt, ctx.locale, "medium") })}</dd>
          </>
        )}
      </dl>
      {report.state === "returned" && report.returnComment && (
        <div class="notice notice--warning" role="note">
          <h2>{ctx.t("report.returnedHeading")}</h2>
          <Paragraphs text={report.returnComment} />
        </div>
      )}
      {round.state === "closed" && !report.reopenedAt && <p class="notice">{ctx.t("report.closedNotice")}</p>}
      {report.reopenedAt && <p class="notice">{ctx.t("report.reopenedNotice", { date: formatDate(report.reopenedAt.toISOString(), ctx.locale) })}</p>}

      <h2 id="activities-heading">{ctx.t("report.activitiesHeading", { measures: props.measureWord })}</h2>
      {view.lines.length === 0 ? (
        <p>{ctx.t("report.noActivities")}</p>
      ) : (
        <TableWrap labelledBy="activities-heading">
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">{ctx.t("report.col.measure")}</th>
                <th scope="col">{ctx.t("report.col.goal")}</th>
                <th scope="col">{ctx.t("report.col.status")}</th>
                <th scope="col">{ctx.t("report.col.done")}</th>
              </tr>
            </thead>
            <tbody>
              {view.lines.map((l) => (
                <tr key={l.id}>
                  <th scope="row">
                    <a href={`${props.base}/aktiviteter/${l.activityId}`}>{[l.number, l.title].filter(Boolean).join(" ")}</a>
                  </th>
                  <td>{[l.goalNumber, l.goalTitle].filter(Boolean).join(" ")}</td>
                  <td>
                    {l.status ? (
                      <>
                        <Swatch colour={l.status.colour} /> {statusName(l)}
                      </>
                    ) : (
                      ctx.t("report.noStatus")
                    )}
                  </td>
                  <td>
                    <span class={l.reported ? "tag tag--done" : "tag tag--todo"}>{l.reported ? ctx.t("report.done") : ctx.t("report.todo")}</span>
                    {l.figures > 0 && <> {ctx.t("report.figureCount", { count: l.figures })}</>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}

      {props.writable && view.coResponsible.length > 0 && (
        <section aria-labelledby="co-heading">
          <h2 id="co-heading">{ctx.t("report.coHeading")}</h2>
          <p>{ctx.t("report.coIntro")}</p>
          <ul class="manage-list">
            {view.coResponsible.map((a) => {
              const name = [a.number, a.title].filter(Boolean).join(" ");
              return (
                <li key={a.activityId}>
                  <span>{name}</span>
                  <PostForm ctx={ctx} action={`${props.base}/delar`}>
                    <input type="hidden" name="activityId" value={a.activityId} />
                    <button type="submit" class="button button--secondary">
                      {ctx.t("report.coAdd")}
                      <span class="visually-hidden"> {name}</span>
                    </button>
                  </PostForm>
                </li>
              );
            })}
          </ul>
        </section>
      )}

      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading">{ctx.t("report.summaryHeading")}</h2>
        {props.writable ? (
          <PostForm ctx={ctx} action={`${props.base}/sammanfattning`} class="form" novalidate>
            <input type="hidden" name="version" value={String(report.version)} />
            {props.summaryTheirs && <p class="notice">{ctx.t("conflict.explain")}</p>}
            <TextAreaField ctx={ctx} name="summary" label={ctx.t("report.summaryLabel")} hint={ctx.t("report.summaryHint")} value={props.summary.summary} errors={errors} rows={8} theirs={props.summaryTheirs?.summary} />
            <TextAreaField ctx={ctx} name="introduction" label={ctx.t("report.introductionLabel")} value={props.summary.introduction} errors={errors} rows={4} theirs={props.summaryTheirs?.introduction} />
            <TextAreaField ctx={ctx} name="howMade" label={ctx.t("report.howMadeLabel")} hint={ctx.t("report.howMadeHint")} value={props.summary.howMade} errors={errors} rows={3} theirs={props.summaryTheirs?.howMade} />
            {props.askConfirm && <ConfirmPersonalData ctx={ctx} errors={errors} />}
            <div class="form-actions">
              <button type="submit" class="button">
                {ctx.t("report.saveSummary")}
              </button>
            </div>
          </PostForm>
        ) : report.summary || report.introduction ? (
          <>
            <Paragraphs text={report.summary} />
            {report.introduction && (
              <>
                <h3>{ctx.t("report.introductionLabel")}</h3>
                <Paragraphs text={report.introduction} />
              </>
            )}
            {report.howMade && (
              <>
                <h3>{ctx.t("report.howMadeLabel")}</h3>
                <Paragraphs text={report.howMade} />
              </>
            )}
          </>
        ) : (
          <p>{ctx.t("report.noSummary")}</p>
        )}
      </section>

      <ReportActions ctx={ctx} base={props.base} round={round} view={view} writable={props.writable} rights={props.rights} values={props.actionValues} errors={errors} />

      {view.approvals.length > 0 && (
        <section aria-labelledby="approvals-heading">
          <h2 id="approvals-heading">{ctx.t("report.approvalsHeading")}</h2>
          <ul>
            {view.approvals.map((a, i) => (
              <li key={i}>
                {ctx.t(a.decision === "approved" ? "report.approvalLine" : "report.declineLine", { name: a.name, date: formatDateTime(a.decidedAt, ctx.locale, "medium") })}
                {a.comment && <>: {a.comment}</>}
              </li>
            ))}
          </ul>
        </section>
      )}
      <ul class="tools">
        <li>
          <a href={props.historyHref}>{ctx.t("report.historyLink")}</a>
        </li>
        <li>
          <a href={`${props.base}/dokument?format=docx`} download>{ctx.t("orgDoc.downloadWord")}</a>
        </li>
        <li>
          <a href={`${props.base}/dokument?format=pdf`} download>{ctx.t("orgDoc.downloadPdf")}</a>
        </li>
      </ul>
    </Layout>
  );
}
