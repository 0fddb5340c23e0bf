// One dialogue meeting: when, with whom, participants by role and notes; the agenda drawn from each organisation's
// latest report (activities by status, figures, its summary); what was agreed at the previous meeting with any of
// the same organisations; the development areas agreed here (each can become a need). Those who plan meetings also
// get the forms: add or remove an area, make one a need, change the meeting.
import type { PageContext } from "../../../context.ts";
import { Layout } from "../../../components/layout.tsx";
import { describedBy, ErrorSummary, FieldMessages, PostForm, type FieldErrors, type Option } from "../../../components/form.tsx";
import { ConfirmPersonalData } from "../../../components/form-choices.tsx";
import { Swatch } from "../../../components/status-bar.tsx";
import { TableWrap } from "../../../components/table-wrap.tsx";
import { Paragraphs } from "../../../components/text.tsx";
import { formatDate, formatNumber, type MessageKey } from "../../../i18n/index.ts";
import { vocabularyLabel } from "../../../../domain/vocabulary.ts";
import type { Plan, Workspace } from "../../../../queries/plan-graph.ts";
import type { AreaView, MeetingView } from "../../../../queries/dialogue-meetings.ts";
import type { AgendaActivity, AgendaEntry, AgendaReport } from "../../../../queries/dialogue-agenda.ts";
import { statusName } from "../../../../queries/plan-stats.ts";
import type { DialogueMeetingFields } from "../../../../commands/support/dialogue-input.ts";
import { areaField, areaGoalField } from "../../../../commands/support/development-area.ts";
import { links } from "../../public/links.ts";
import { figureValue } from "../../public/labels.ts";
import { LineField } from "../activity-form-parts.tsx";
import { dialogueCrumbs } from "./common.tsx";
import { dialogueLinks } from "./links.ts";
import { MEETING_FORM_ORDER, MeetingConflict, MeetingFields } from "./meeting-form.tsx";

export interface MeetingManage {
  values: DialogueMeetingFields;
  version: number;
  theirs?: DialogueMeetingFields | undefined;
  organisationOptions: Option[];
  goalOptions: Option[];
  /** The new development area's text as typed (kept after a problem). */
  areaText: string;
}

export interface MeetingPageProps {
  ctx: PageContext;
  workspace: Workspace;
  plan: Plan;
  view: MeetingView;
  previous: MeetingView | null;
  agenda: AgendaEntry[];
  /** The forms, for those who plan dialogue meetings. */
  manage: MeetingManage | null;
  /** Where a need's link goes for this viewer (its page, or the goal's page for those who may not edit it). */
  needHref: (need: NonNullable<AreaView["need"]>) => string;
  errors: FieldErrors;
  askConfirm: boolean;
  /** The form the problems belong to: it gets the personal-data confirmation box. */
  errorForm: "edit" | "area" | null;
}

export function meetingErrorOrder(areas: readonly AreaView[]): string[] {
  return [...MEETING_FORM_ORDER, "areaText", ...areas.flatMap((a) => [areaField(a.id), areaGoalField(a.id)])];
}

const activityName = (a: AgendaActivity) => (a.number ? `${a.number} ${a.title}` : a.title);

function ActivityLink(props: { ws: string; plan: string; activity: AgendaActivity }) {
  return <a href={links.activity(props.ws, props.plan, props.activity.id)}>{activityName(props.activity)}</a>;
}

function AgendaReportView(props: { ctx: PageContext; workspace: Workspace; plan: Plan; entry: AgendaEntry; report: AgendaReport }) {
  const { ctx, workspace, plan, entry, report } = props;
  const { t } = ctx;
  const ws = workspace.slug;
  const id = entry.organisation.id;
  const measures = vocabularyLabel(plan.vocabulary, "measure", ctx.locale, "other");
  const measure = vocabularyLabel(plan.vocabulary, "measure", ctx.locale, "one");
  const number = (v: number | null) => (v === null ? "–" : formatNumber(v, ctx.locale));
  return (
    <>
      <p>
        {t("dialogue.agenda.from", { round: report.round.name, state: t(`report.state.${report.report.state}` as MessageKey) })}
        {!report.accepted && (
          <>
            {" "}
            <span class="tag tag--todo">{t("dialogue.agenda.notAccepted")}</span>
          </>
        )}{" "}
        <a href={`/${ws}/planer/${plan.slug}/uppfoljning/${report.round.slug}/${entry.organisation.slug}`}>
          {t("dialogue.agenda.fullReport")}
          <span class="visually-hidden"> {t("dialogue.agenda.fullReportOf", { name: entry.organisation.name })}</span>
        </a>
      </p>
      <h4>{t("dialogue.agenda.summary")}</h4>
      {report.report.summary.trim() ? <Paragraphs text={report.report.summary} /> : <p class="muted">{t("dialogue.agenda.noSummary")}</p>}
      <h4>{t("dialogue.agenda.byStatus", { measures })}</h4>
      {report.groups.length === 0 ? (
        <p class="muted">{t("dialogue.agenda.noActivities", { measures: measures.toLowerCase() })}</p>
      ) : (
        <ul class="agenda-statuses">
          {report.groups.map((group) => (
            <li key={group.status?.id ?? "none"}>
              {group.status && <Swatch colour={group.status.colour} />}
              <strong>{group.status ? statusName(group.status, ctx.locale) : t("dialogue.agenda.noStatus")}</strong>{" "}
              {t("dialogue.agenda.count", { count: group.activities.length })}
              <ul>
                {group.activities.map((a) => (
                  <li key={a.id}>
                    <ActivityLink ws={ws} plan={plan.slug} activity={a} />
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      <h4>{t("dialogue.agenda.figures")}</h4>
      {report.figures.length === 0 ? (
        <p class="muted">{t("dialogue.agenda.noFigures")}</p>
      ) : (
        <TableWrap labelledBy={`figures-${id}`}>
          <table>
            <caption id={`figures-${id}`} class="visually-hidden">
              {t("dialogue.agenda.figuresOf", { name: entry.organisation.name })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{measure}</th>
                <th scope="col">{t("figure.name")}</th>
                <th scope="col">{t("figure.value")}</th>
                <th scope="col">{t("dialogue.agenda.baselineTarget")}</th>
              </tr>
            </thead>
            <tbody>
              {report.figures.map(({ activity, figure }) => (
                <tr key={figure.id}>
                  <td>
                    <ActivityLink ws={ws} plan={plan.slug} activity={activity} />
                  </td>
                  <th scope="row">{figure.name}</th>
                  <td>{figureValue(ctx, figure)}</td>
                  <td>{figure.baseline === null && figure.target === null ? "–" : `${number(figure.baseline)} → ${number(figure.target)}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}

function NeedLine(props: { ctx: PageContext; area: AreaView; needHref: MeetingPageProps["needHref"] }) {
  const { ctx, area } = props;
  if (!area.need) return <p class="manage-list__meta">{ctx.t("dialogue.area.notNeed")}</p>;
  return (
    <p class="manage-list__meta">
      {ctx.t("dialogue.area.became")} <a href={props.needHref(area.need)}>{area.need.title}</a>
      {area.need.archivedAt && (
        <>
          {" "}
          <span class="tag">{ctx.t("form.archivedTag")}</span>
        </>
      )}
    </p>
  );
}

function AreaActions(props: { ctx: PageContext; workspace: Workspace; plan: Plan; meetingId: string; area: AreaView; manage: MeetingManage; errors: FieldErrors }) {
  const { ctx, workspace, plan, area, manage, errors } = props;
  const goalId = areaGoalField(area.id);
  const error = errors[goalId];
  const goalWord = vocabularyLabel(plan.vocabulary, "goal", ctx.locale);
  return (
    <div class="manage-list__actions area-actions">
      <PostForm ctx={ctx} action={dialogueLinks.areaToNeed(workspace.slug, plan.slug, props.meetingId, area.id)} class="area-need-form">
        <input type="hidden" name="version" value={String(area.version)} />
        <div class={error ? "field field--error" : "field"}>
          <label for={goalId}>
            {ctx.t("dialogue.area.goalLabel", { goal: goalWord })}
            <span class="visually-hidden"> {ctx.t("dialogue.area.forArea", { text: area.text })}</span>
          </label>
          <FieldMessages ctx={ctx} name={goalId} error={error} />
          <select id={goalId} name="goalId" aria-describedby={describedBy(goalId, undefined, error)} aria-invalid={error ? "true" : undefined}>
            {manage.goalOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button button--small">
          {ctx.t("dialogue.area.makeNeed")}
          <span class="visually-hidden"> {ctx.t("dialogue.area.forArea", { text: area.text })}</span>
        </button>
      </PostForm>
      <PostForm ctx={ctx} action={dialogueLinks.areaRemove(workspace.slug, plan.slug, props.meetingId, area.id)}>
        <input type="hidden" name="version" value={String(area.version)} />
        <button type="submit" class="button button--secondary button--small">
          {ctx.t("dialogue.area.remove")}
          <span class="visually-hidden"> {ctx.t("dialogue.area.forArea", { text: area.text })}</span>
        </button>
      </PostForm>
    </div>
  );
}

export function MeetingPage(props: MeetingPageProps) {
  const { ctx, workspace, plan, view, previous, agenda, manage, errors } = props;
  const { t } = ctx;
  const { meeting, organisations, areas } = view;
  const ws = workspace.slug;
  const title = meeting.title;
  const hasErrors = Object.keys(errors).length > 0;
  const meetingUrl = dialogueLinks.meeting(ws, plan.slug, meeting.id);
  return (
    <Layout ctx={ctx} title={hasErrors ? t("form.errorTitle", { title }) : title} crumbs={dialogueCrumbs(ctx, workspace, plan, title)}>
      <p class="eyebrow">{t("dialogue.eyebrow")}</p>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} order={meetingErrorOrder(areas)} />
      <dl class="facts facts--wide">
        <div>
          <dt>{t("dialogue.form.heldOn")}</dt>
          <dd>{formatDate(meeting.heldOn, ctx.locale)}</dd>
        </div>
        <div>
          <dt>{t("dialogue.form.organisations")}</dt>
          <dd>{organisations.map((o) => o.name).join(", ")}</dd>
        </div>
        <div>
          <dt>{t("dialogue.form.participants")}</dt>
          <dd>{meeting.participants.trim() ? <Paragraphs text={meeting.participants} /> : <span class="muted">{t("dialogue.noParticipants")}</span>}</dd>
        </div>
      </dl>
      <section aria-labelledby="meeting-notes">
        <h2 id="meeting-notes">{t("dialogue.form.notes")}</h2>
        {meeting.notes.trim() ? <Paragraphs text={meeting.notes} /> : <p class="muted">{t("dialogue.noNotes")}</p>}
      </section>

      <section aria-labelledby="agenda">
        <h2 id="agenda">{t("dialogue.agenda.heading")}</h2>
        <p>{t("dialogue.agenda.intro")}</p>
        {agenda.map((entry) => (
          <section key={entry.organisation.id} class="agenda-organisation" aria-labelledby={`agenda-${entry.organisation.id}`}>
            <h3 id={`agenda-${entry.organisation.id}`}>{entry.organisation.name}</h3>
            {entry.report ? (
              <AgendaReportView ctx={ctx} workspace={workspace} plan={plan} entry={entry} report={entry.report} />
            ) : (
              <p>{t("dialogue.agenda.noReport")}</p>
            )}
          </section>
        ))}
      </section>

      <section aria-labelledby="agreed-last">
        <h2 id="agreed-last">{t("dialogue.previous.heading")}</h2>
        {previous ? (
          <>
            <p>
              {t("dialogue.previous.intro")} <a href={dialogueLinks.meeting(ws, plan.slug, previous.meeting.id)}>{previous.meeting.title}</a>
              {" – "}
              {t("dialogue.previous.meta", { date: formatDate(previous.meeting.heldOn, ctx.locale), organisations: previous.organisations.map((o) => o.name).join(", ") })}
            </p>
            {previous.areas.length === 0 ? (
              <p>{t("dialogue.previous.noAreas")}</p>
            ) : (
              <ul class="manage-list">
                {previous.areas.map((area) => (
                  <li key={area.id}>
                    <div class="manage-list__item">
                      {area.text}
                      <NeedLine ctx={ctx} area={area} needHref={props.needHref} />
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </>
        ) : (
          <p>{t("dialogue.previous.none")}</p>
        )}
      </section>

      <section aria-labelledby="utvecklingsomraden" id="utvecklingsomraden-section">
        <h2 id="utvecklingsomraden">{t("dialogue.area.heading")}</h2>
        {areas.length === 0 ? (
          <p>{t("dialogue.area.none")}</p>
        ) : (
          <ul class="manage-list">
            {areas.map((area) => {
              const error = errors[areaField(area.id)];
              return (
                <li key={area.id} id={areaField(area.id)} tabIndex={-1}>
                  <div class="manage-list__item">
                    {area.text}
                    {error && (
                      <p class="field__error">
                        <span class="visually-hidden">{t("form.errorPrefix")}</span> {error}
                      </p>
                    )}
                    <NeedLine ctx={ctx} area={area} needHref={props.needHref} />
                  </div>
                  {manage && !area.need && (
                    <AreaActions ctx={ctx} workspace={workspace} plan={plan} meetingId={meeting.id} area={area} manage={manage} errors={errors} />
                  )}
                </li>
              );
            })}
          </ul>
        )}
        {manage && (
          <PostForm ctx={ctx} action={dialogueLinks.areas(ws, plan.slug, meeting.id)} class="form form--wide" novalidate>
            <LineField ctx={ctx} name="areaText" label={t("dialogue.area.new")} hint={t("dialogue.area.newHint")} value={manage.areaText} errors={errors} />
            {props.errorForm === "area" && props.askConfirm && <ConfirmPersonalData ctx={ctx} errors={errors} />}
            <div class="form-actions">
              <button type="submit" class="button button--secondary">
                {t("dialogue.area.add")}
              </button>
            </div>
          </PostForm>
        )}
      </section>

      {manage && (
        <section aria-labelledby="edit-meeting">
          <h2 id="edit-meeting">{t("dialogue.editHeading")}</h2>
          {manage.theirs && <MeetingConflict ctx={ctx} mine={manage.values} theirs={manage.theirs} organisationOptions={manage.organisationOptions} />}
          <PostForm ctx={ctx} action={meetingUrl} class="form form--wide" novalidate>
            <input type="hidden" name="version" value={String(manage.version)} />
            <input type="hidden" name="tillbaka" value={meetingUrl} />
            <MeetingFields
              ctx={ctx} values={manage.values} errors={errors} askConfirm={props.errorForm === "edit" && props.askConfirm}
              organisationOptions={manage.organisationOptions}
            />
            <div class="form-actions">
              <button type="submit" class="button">
                {t("form.save")}
              </button>
            </div>
          </PostForm>
        </section>
      )}
    </Layout>
  );
}
