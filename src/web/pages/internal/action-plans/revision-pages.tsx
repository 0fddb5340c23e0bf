// Revisions of an action plan: the list with a form to compare two, one frozen revision shown readably, and a
// comparison (the action plan's texts, and each activity added, removed or changed) with the changes marked.
import type { ComponentChildren } from "preact";
import type { PageContext } from "../../../context.ts";
import { Layout } from "../../../components/layout.tsx";
import { ErrorSummary, SelectField, type FieldErrors } from "../../../components/form.tsx";
import { TableWrap } from "../../../components/table-wrap.tsx";
import { Paragraphs } from "../../../components/text.tsx";
import { TextDiff } from "../../../components/text-diff.tsx";
import { formatDate, formatDateTime, type MessageKey } from "../../../i18n/index.ts";
import type { ActionPlan, Organisation, Plan, Workspace } from "../../../../queries/plan-graph.ts";
import type { ActionPlanSnapshot, SnapshotActivity } from "../../../../commands/support/action-plan-revision.ts";
import { vocabularyLabel } from "../../../../domain/vocabulary.ts";
import { contentLang, phaseLabel } from "../../public/labels.ts";
import { actionPlanCrumbs, stateText } from "./common.tsx";
import { actionPlanLinks } from "./links.ts";
import { ACTIVITY_FIELDS, type ActivityField, type PlanField, type SnapshotComparison } from "./snapshot.ts";

export interface RevisionEntry {
  number: number;
  frozenAt: Date;
  createdByName: string | null;
  snapshot: ActionPlanSnapshot;
}

interface Common {
  ctx: PageContext;
  workspace: Workspace;
  plan: Plan;
  organisation: Organisation;
  actionPlan: ActionPlan;
}

const DATE_FIELDS = new Set(["adoptedOn", "periodStart", "periodEnd", "plannedStart", "plannedEnd"]);

/** A stored value as a reader reads it: dates written out, states and phases in the page's language. */
function readable(ctx: PageContext, field: string, value: string): string {
  if (!value) return "";
  if (DATE_FIELDS.has(field)) return formatDate(value, ctx.locale);
  if (field === "state") return ctx.t(`org.actionPlanState.${value === "adopted" ? "adopted" : "draft"}` as MessageKey);
  if (field === "phase") return phaseLabel(ctx, value);
  return value;
}

const planFieldLabel = (ctx: PageContext, field: PlanField) => ctx.t(`actionPlans.field.${field}` as MessageKey);
const activityFieldLabel = (ctx: PageContext, field: ActivityField) => ctx.t(`actionPlans.activityField.${field}` as MessageKey);

function activityName(ctx: PageContext, plan: Plan, a: SnapshotActivity) {
  return a.number ? `${vocabularyLabel(plan.vocabulary, "measure", ctx.locale)} ${a.number}: ${a.title}` : a.title;
}

function Frame(props: Common & { title: string; current: string; revisionsCrumb?: boolean; hasErrors?: boolean; children: ComponentChildren }) {
  const { ctx, workspace, plan, organisation } = props;
  const crumbs = actionPlanCrumbs(ctx, workspace, plan, organisation, props.current);
  if (props.revisionsCrumb) crumbs.splice(crumbs.length - 1, 0, { label: ctx.t("actionPlans.revisionsCrumb"), href: actionPlanLinks.revisions(workspace.slug, plan.slug, organisation.slug) });
  return (
    <Layout ctx={ctx} title={props.hasErrors ? ctx.t("form.errorTitle", { title: props.title }) : props.title} crumbs={crumbs}>
      <p class="eyebrow">{organisation.name}</p>
      <h1>{props.title}</h1>
      {props.children}
    </Layout>
  );
}

export function CompareForm(props: Common & { revisions: RevisionEntry[]; from: string; to: string; errors: FieldErrors }) {
  const { ctx, workspace, plan, organisation } = props;
  const options = props.revisions.map((r) => ({ value: String(r.number), label: ctx.t("actionPlans.revisionOption", { n: r.number, date: formatDateTime(r.frozenAt, ctx.locale, "medium") }) }));
  return (
    <form method="get" action={actionPlanLinks.compare(workspace.slug, plan.slug, organisation.slug)} class="form compare-form" aria-labelledby="compare-heading">
      <h2 id="compare-heading">{ctx.t("actionPlans.compareHeading")}</h2>
      <SelectField ctx={ctx} name="fran" label={ctx.t("actionPlans.compareFrom")} options={options} value={props.from} errors={props.errors} />
      <SelectField ctx={ctx} name="till" label={ctx.t("actionPlans.compareTo")} options={options} value={props.to} errors={props.errors} />
      <button type="submit" class="button">
        {ctx.t("actionPlans.compareSubmit")}
      </button>
    </form>
  );
}

export function RevisionsPage(props: Common & { revisions: RevisionEntry[] }) {
  const { ctx, workspace, plan, organisation, actionPlan, revisions } = props;
  const { t } = ctx;
  const newest = revisions[0];
  return (
    <Frame {...props} title={t("actionPlans.revisionsTitle", { title: actionPlan.title })} current={t("actionPlans.revisionsCrumb")}>
      <p>{t("actionPlans.revisionsIntro")}</p>
      {revisions.length === 0 ? (
        <p class="muted">{t("actionPlans.noRevisions")}</p>
      ) : (
        <TableWrap labelledBy="revisions-caption">
          <table>
            <caption id="revisions-caption">{t("actionPlans.revisionsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("actionPlans.col.revision")}</th>
                <th scope="col">{t("actionPlans.col.frozenAt")}</th>
                <th scope="col">{t("actionPlans.col.frozenBy")}</th>
                <th scope="col">{t("actionPlans.col.adoption")}</th>
              </tr>
            </thead>
            <tbody>
              {revisions.map((r) => (
                <tr key={r.number}>
                  <th scope="row">
                    <a href={actionPlanLinks.revision(workspace.slug, plan.slug, organisation.slug, r.number)}>{t("actionPlans.revisionN", { n: r.number })}</a>
                  </th>
                  <td>{formatDateTime(r.frozenAt, ctx.locale)}</td>
                  <td>{r.createdByName ?? t("history.system")}</td>
                  <td>{stateText(ctx, r.snapshot.actionPlan)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {newest && revisions.length >= 2 && (
        <CompareForm {...props} from={String(revisions[1]!.number)} to={String(newest.number)} errors={{}} />
      )}
      <p>
        <a href={actionPlanLinks.page(workspace.slug, plan.slug, organisation.slug)}>{t("actionPlans.backToActionPlan")}</a>
      </p>
    </Frame>
  );
}

function Field(props: { label: string; children: ComponentChildren }) {
  return (
    <div>
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
    </div>
  );
}

function SnapshotActivityView(props: { ctx: PageContext; plan: Plan; activity: SnapshotActivity; level: 3 | 4; lang: string | undefined }) {
  const { ctx, activity: a } = props;
  const H = props.level === 3 ? "h3" : "h4";
  const recorded = ACTIVITY_FIELDS.filter((f) => f !== "title" && f !== "description" && a[f] !== undefined && (Array.isArray(a[f]) ? (a[f] as string[]).length > 0 : a[f] !== ""));
  return (
    <div class="revision-activity">
      <H lang={props.lang}>{activityName(ctx, props.plan, a)}</H>
      <Paragraphs text={a.description} lang={props.lang} />
      {recorded.length > 0 && (
        <dl class="revision-activity__fields">
          {recorded.map((f) => {
            const v = a[f];
            return (
              <Field key={f} label={activityFieldLabel(ctx, f)}>
                {Array.isArray(v) ? v.join(", ") : readable(ctx, f, v ?? "")}
              </Field>
            );
          })}
        </dl>
      )}
    </div>
  );
}

export function RevisionPage(props: Common & { revision: RevisionEntry }) {
  const { ctx, plan, revision } = props;
  const { t } = ctx;
  const s = revision.snapshot;
  const lang = contentLang(ctx, props.workspace);
  const measures = vocabularyLabel(plan.vocabulary, "measure", ctx.locale, "other");
  const texts = [
    { id: "introduction", heading: t("org.introduction"), text: s.actionPlan.introduction },
    { id: "how-made", heading: t("org.howMade"), text: s.actionPlan.howMade },
    { id: "steering-group", heading: t("actionPlans.steeringGroup"), text: s.actionPlan.steeringGroup },
  ].filter((x) => x.text.trim());
  return (
    <Frame {...props} title={t("actionPlans.revisionTitle", { n: revision.number, title: s.actionPlan.title || props.actionPlan.title })} current={t("actionPlans.revisionN", { n: revision.number })} revisionsCrumb>
      <p class="notice">{t("actionPlans.revisionNotice", { date: formatDateTime(revision.frozenAt, ctx.locale), by: revision.createdByName ?? t("history.system") })}</p>
      <dl class="facts">
        <Field label={t("actionPlans.state")}>{stateText(ctx, s.actionPlan)}</Field>
        {s.actionPlan.periodStart && s.actionPlan.periodEnd && (
          <Field label={t("plan.period")}>{t("date.range", { from: formatDate(s.actionPlan.periodStart, ctx.locale), to: formatDate(s.actionPlan.periodEnd, ctx.locale) })}</Field>
        )}
        <Field label={measures}>{String(s.activities.length)}</Field>
      </dl>
      {texts.map((x) => (
        <section key={x.id} aria-labelledby={`text-${x.id}`}>
          <h2 id={`text-${x.id}`}>{x.heading}</h2>
          <Paragraphs text={x.text} lang={lang} />
        </section>
      ))}
      <h2>{measures}</h2>
      {s.activities.length === 0 && <p class="muted">{t("org.none")}</p>}
      {s.activities.map((a, i) => (
        <SnapshotActivityView key={i} ctx={ctx} plan={plan} activity={a} level={3} lang={lang} />
      ))}
    </Frame>
  );
}

function Changes<F extends string>(props: { ctx: PageContext; changes: Array<{ field: F; before: string; after: string }>; label: (f: F) => string }) {
  return (
    <dl class="history__changes">
      {props.changes.map((c) => (
        <div key={c.field}>
          <dt>{props.label(c.field)}</dt>
          <dd>
            <TextDiff ctx={props.ctx} before={readable(props.ctx, c.field, c.before)} after={readable(props.ctx, c.field, c.after)} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function ComparePage(
  props: Common & { revisions: RevisionEntry[]; from: string; to: string; errors: FieldErrors; comparison?: SnapshotComparison },
) {
  const { ctx, plan, comparison: c, errors } = props;
  const { t } = ctx;
  const lang = contentLang(ctx, props.workspace);
  const hasErrors = Object.keys(errors).length > 0;
  const title = c ? t("actionPlans.compareTitle", { from: props.from, to: props.to }) : t("actionPlans.compareHeading");
  const measures = vocabularyLabel(plan.vocabulary, "measure", ctx.locale, "other");
  return (
    <Frame {...props} title={title} current={t("actionPlans.compareCrumb")} revisionsCrumb hasErrors={hasErrors}>
      <ErrorSummary ctx={ctx} errors={errors} order={["fran", "till"]} />
      {props.revisions.length === 0 ? <p class="muted">{t("actionPlans.noRevisions")}</p> : <CompareForm {...props} />}
      {c && (
        <>
          <h2>{t("actionPlans.compareTexts")}</h2>
          {c.plan.length === 0 ? <p class="muted">{t("actionPlans.compareNoTextChanges")}</p> : <Changes ctx={ctx} changes={c.plan} label={(f) => planFieldLabel(ctx, f)} />}
          <h2>{measures}</h2>
          {c.added.length + c.removed.length + c.changed.length === 0 && <p class="muted">{t("actionPlans.compareNoActivityChanges", { measures: measures.toLowerCase() })}</p>}
          {c.added.length > 0 && (
            <section aria-labelledby="compare-added">
              <h3 id="compare-added">{t("actionPlans.compareAdded", { count: c.added.length })}</h3>
              {c.added.map((a, i) => (
                <SnapshotActivityView key={i} ctx={ctx} plan={plan} activity={a} level={4} lang={lang} />
              ))}
            </section>
          )}
          {c.removed.length > 0 && (
            <section aria-labelledby="compare-removed">
              <h3 id="compare-removed">{t("actionPlans.compareRemoved", { count: c.removed.length })}</h3>
              {c.removed.map((a, i) => (
                <SnapshotActivityView key={i} ctx={ctx} plan={plan} activity={a} level={4} lang={lang} />
              ))}
            </section>
          )}
          {c.changed.length > 0 && (
            <section aria-labelledby="compare-changed">
              <h3 id="compare-changed">{t("actionPlans.compareChanged", { count: c.changed.length })}</h3>
              {c.changed.map(({ activity, changes }, i) => (
                <div key={i} class="revision-activity">
                  <h4 lang={lang}>{activityName(ctx, plan, activity)}</h4>
                  <Changes ctx={ctx} changes={changes} label={(f) => activityFieldLabel(ctx, f)} />
                </div>
              ))}
            </section>
          )}
        </>
      )}
    </Frame>
  );
}
