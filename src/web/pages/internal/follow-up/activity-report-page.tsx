// One activity's report in a round: what the activity is, this round's status, narrative, figures and next steps as
// a form (or read-only once submitted or closed), last round's report one click away, and the attachments.
import type { PageContext } from "../../../context.ts";
import { Layout, type Crumb } from "../../../components/layout.tsx";
import { ErrorSummary, PostForm, type FieldErrors } from "../../../components/form.tsx";
import { ChoiceGroup, ConfirmPersonalData, TextAreaField } from "../../../components/form-choices.tsx";
import { Swatch } from "../../../components/status-bar.tsx";
import { Paragraphs } from "../../../components/text.tsx";
import type { ActivityReportFields } from "../../../../commands/save-activity-report.ts";
import type { Asks } from "../../../../commands/support/round-settings.ts";
import type { PreviousReport } from "../../../../queries/organisation-report.ts";
import type { Status } from "../../../../queries/plan-graph.ts";
import { AttachmentsSection, type AttachmentsSectionProps } from "./attachments-section.tsx";
import { FigureRows } from "./figure-rows.tsx";
import { FigureTable } from "./figure-table.tsx";

export interface ActivityReportPageProps {
  ctx: PageContext;
  crumbs: Crumb[];
  heading: string;
  description: string;
  action: string;
  back: string;
  version: number;
  writable: boolean;
  statuses: Status[];
  values: ActivityReportFields;
  theirs?: ActivityReportFields | undefined;
  previous: PreviousReport | null;
  attachments: Omit<AttachmentsSectionProps, "ctx" | "writable">;
  errors: FieldErrors;
  askConfirm: boolean;
  /** What the round asks for; fields not asked are not shown. */
  asks: Asks;
  /** Read-only: why (submitted, closed …), shown above the report. */
  readOnlyReason?: string | undefined;
}

export function activityReportErrorOrder(rows: number): string[] {
  const figureFields = Array.from({ length: rows }, (_, i) => ["name", "value", "qualifier", "qualifierText", "unit", "asOf", "baseline", "target", "year"].map((f) => `figures.${i}.${f}`)).flat();
  return ["version", "report", "statusId", "statusComment", "narrative", "figures", ...figureFields, "nextSteps", "confirmPersonalData"];
}

export function ActivityReportPage(props: ActivityReportPageProps) {
  const { ctx, values, errors, previous, asks } = props;
  const hasErrors = Object.keys(errors).length > 0;
  const statusName = (s: Pick<Status, "name" | "nameEn">) => (ctx.locale === "en" && s.nameEn) || s.name;
  const chosen = props.statuses.find((s) => s.id === values.statusId);
  return (
    <Layout ctx={ctx} title={hasErrors ? ctx.t("form.errorTitle", { title: props.heading }) : props.heading} crumbs={props.crumbs}>
      <h1>{props.heading}</h1>
      <ErrorSummary ctx={ctx} errors={errors} order={activityReportErrorOrder(values.figures.length)} />
      {props.description && (
        <details class="activity-description">
          <summary>{ctx.t("activityReport.description")}</summary>
          <Paragraphs text={props.description} />
        </details>
      )}
      {previous && (
        <details class="previous-report" id="forra">
          <summary>{ctx.t("activityReport.previous", { round: previous.roundName })}</summary>
          <dl class="facts">
            <dt>{ctx.t("activityReport.status")}</dt>
            <dd>
              {previous.status ? (
                <>
                  <Swatch colour={previous.status.colour} /> {statusName(previous.status)}
                </>
              ) : (
                "–"
              )}
            </dd>
          </dl>
          <h2 class="h3">{ctx.t("activityReport.narrative")}</h2>
          <Paragraphs text={previous.narrative || "–"} />
          {previous.nextSteps && (
            <>
              <h2 class="h3">{ctx.t("activityReport.nextSteps")}</h2>
              <Paragraphs text={previous.nextSteps} />
            </>
          )}
          {previous.figures.length > 0 && <FigureTable ctx={ctx} figures={previous.figures} caption={ctx.t("activityReport.previousFigures", { round: previous.roundName })} />}
        </details>
      )}
      {props.readOnlyReason && <p class="notice">{props.readOnlyReason}</p>}
      {props.writable ? (
        <PostForm ctx={ctx} action={props.action} class="form" novalidate>
          <input type="hidden" name="version" value={String(props.version)} />
          <input type="hidden" name="tillbaka" value={props.back} />
          {props.theirs && <p class="notice">{ctx.t("conflict.explain")}</p>}
          {asks.status && (
            <>
              <ChoiceGroup
                ctx={ctx} name="statusId" type="radio" legend={ctx.t("activityReport.status")} values={[values.statusId]} errors={errors}
                options={props.statuses.map((s) => ({ value: s.id, label: statusName(s) }))}
              />
              <TextAreaField ctx={ctx} name="statusComment" label={ctx.t("activityReport.statusComment")} hint={ctx.t("activityReport.statusCommentHint")} value={values.statusComment} errors={errors} rows={2} theirs={props.theirs?.statusComment} />
            </>
          )}
          {!asks.status && <input type="hidden" name="statusId" value={values.statusId} />}
          {asks.narrative ? (
            <TextAreaField ctx={ctx} name="narrative" label={ctx.t("activityReport.narrative")} hint={ctx.t("activityReport.narrativeHint")} value={values.narrative} errors={errors} rows={10} theirs={props.theirs?.narrative} />
          ) : (
            <input type="hidden" name="narrative" value={values.narrative} />
          )}
          {asks.figures ? (
            <>
              <FigureRows ctx={ctx} rows={values.figures} errors={errors} />
              <div class="form-actions form-actions--inline">
                <button type="submit" class="button button--secondary" name="rad" value="ny">
                  {ctx.t("figure.addRow")}
                </button>
              </div>
            </>
          ) : (
            values.figures.map((f, i) => <HiddenFigure key={i} index={i} figure={f} />)
          )}
          {asks.nextSteps ? (
            <TextAreaField ctx={ctx} name="nextSteps" label={ctx.t("activityReport.nextSteps")} value={values.nextSteps} errors={errors} rows={4} theirs={props.theirs?.nextSteps} />
          ) : (
            <input type="hidden" name="nextSteps" value={values.nextSteps} />
          )}
          {props.askConfirm && <ConfirmPersonalData ctx={ctx} errors={errors} />}
          <div class="form-actions">
            <button type="submit" class="button">
              {ctx.t("activityReport.save")}
            </button>
            <a href={props.back}>{ctx.t("activityReport.backToReport")}</a>
          </div>
        </PostForm>
      ) : (
        <>
          <dl class="facts">
            <dt>{ctx.t("activityReport.status")}</dt>
            <dd>
              {chosen ? (
                <>
                  <Swatch colour={chosen.colour} /> {statusName(chosen)}
                </>
              ) : (
                "–"
              )}
            </dd>
          </dl>
          {values.statusComment && <Paragraphs text={values.statusComment} />}
          <h2>{ctx.t("activityReport.narrative")}</h2>
          <Paragraphs text={values.narrative || "–"} />
          <h2>{ctx.t("activityReport.nextSteps")}</h2>
          <Paragraphs text={values.nextSteps || "–"} />
          <p>
            <a href={props.back}>{ctx.t("activityReport.backToReport")}</a>
          </p>
        </>
      )}
      <AttachmentsSection ctx={ctx} writable={props.writable} {...props.attachments} />
    </Layout>
  );
}

/** A figure row kept as it is when the round does not ask for figures (so saving the rest does not drop it). */
function HiddenFigure(props: { index: number; figure: ActivityReportFields["figures"][number] }) {
  return (
    <>
      {Object.entries(props.figure).map(([field, value]) => (
        <input key={field} type="hidden" name={`figures.${props.index}.${field}`} value={value} />
      ))}
    </>
  );
}
