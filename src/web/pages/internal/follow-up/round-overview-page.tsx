// The coordinator's overview of a follow-up round: the round's dates, reports per state, every organisation with its
// state, x of y activities reported, last change and whether it is late (in words, not only colour), a goal filter,
// per goal the status distribution and the change since the previous round; for coordinators the reminders, the
// round's settings and closing it.
import type { PageContext } from "../../../context.ts";
import { Layout } from "../../../components/layout.tsx";
import { PostForm, SelectField } from "../../../components/form.tsx";
import { StatusBar, Swatch } from "../../../components/status-bar.tsx";
import { TableWrap } from "../../../components/table-wrap.tsx";
import { formatDate, formatDateTime, type Locale, type MessageKey } from "../../../i18n/index.ts";
import { vocabularyLabel } from "../../../../domain/vocabulary.ts";
import type { Goal, Plan, Workspace } from "../../../../queries/plan-graph.ts";
import { statusName } from "../../../../queries/plan-stats.ts";
import { HANDED_IN, REPORT_STATES, type GoalSection, type RoundOverview } from "../../../../queries/round-overview.ts";
import { contentLang, dateRangeLabel } from "../../public/labels.ts";
import { links } from "../../public/links.ts";
import { followUpLinks } from "./overview-links.ts";
import { SendReminderForm } from "./send-reminder-form.tsx";

export interface RoundOverviewPageProps {
  ctx: PageContext;
  workspace: Workspace;
  plan: Plan;
  overview: RoundOverview;
  /** The address named a goal that is not one of the plan's: the filter was ignored. */
  unknownGoal: boolean;
  /** Settings, closing (followUp.manageRounds). */
  canManage: boolean;
  /** "Send reminder now" (followUp.sendReminders). */
  canRemind: boolean;
}

export function formatShare(part: number, whole: number, locale: Locale): string {
  if (whole === 0) return "–";
  return new Intl.NumberFormat(locale === "sv" ? "sv-SE" : "en-GB", { style: "percent", maximumFractionDigits: 0 }).format(part / whole);
}

/** "12 dagar kvar", "Sista dagen är i dag", "Sista dagen passerades för 3 dagar sedan". */
export function daysLabel(ctx: PageContext, daysLeft: number): string {
  if (daysLeft > 0) return ctx.t("overview.daysLeft", { count: daysLeft });
  if (daysLeft === 0) return ctx.t("overview.dueToday");
  return ctx.t("overview.daysOverdue", { count: -daysLeft });
}

const stateLabel = (ctx: PageContext, state: string) => ctx.t(`report.state.${state}` as MessageKey);
const goalName = (ctx: PageContext, plan: Plan, goal: Goal) => `${vocabularyLabel(plan.vocabulary, "goal", ctx.locale)} ${goal.number}: ${goal.title}`;

export function RoundOverviewPage(props: RoundOverviewPageProps) {
  const { ctx, workspace, plan, overview, canManage, canRemind } = props;
  const { t } = ctx;
  const { round } = overview;
  const lang = contentLang(ctx, workspace);
  const base = followUpLinks.overview(workspace.slug, plan.slug, round.slug);
  const goalWord = vocabularyLabel(plan.vocabulary, "goal", ctx.locale);
  const late = overview.organisations.filter((o) => o.overdue);
  // Reminders go to every organisation that has not handed in, late or not yet late.
  const waiting = overview.organisations.filter((o) => !HANDED_IN.has(o.state));
  const remindable = canRemind && round.state === "open";
  return (
    <Layout
      ctx={ctx}
      title={t("overview.title", { round: round.name })}
      crumbs={[
        { label: workspace.name, href: `/#${workspace.slug}` },
        { label: plan.name, href: links.plan(workspace.slug, plan.slug), lang },
        { label: t("overview.crumbRounds"), href: followUpLinks.rounds(workspace.slug, plan.slug) },
        { label: round.name, href: `${followUpLinks.rounds(workspace.slug, plan.slug)}/${round.slug}`, lang },
        { label: t("overview.crumb") },
      ]}
    >
      <p class="eyebrow" lang={lang}>
        {plan.name}
      </p>
      <h1>{t("overview.title", { round: round.name })}</h1>
      <p>
        <a href={`${followUpLinks.rounds(workspace.slug, plan.slug)}/${round.slug}/rapport`}>{t("compiled.linkFromOverview")}</a>
      </p>
      <dl class="facts">
        <div>
          <dt>{t("overview.period")}</dt>
          <dd>{dateRangeLabel(ctx, round.periodStart, round.periodEnd)}</dd>
        </div>
        <div>
          <dt>{t("overview.deadline")}</dt>
          <dd>
            {formatDate(round.deadline, ctx.locale)}
            {round.state !== "closed" && (
              <>
                <br />
                <span class={overview.daysLeft < 0 ? "overdue-mark" : undefined}>{daysLabel(ctx, overview.daysLeft)}</span>
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>{t("overview.roundState")}</dt>
          <dd>{t(`round.state.${round.state}` as MessageKey)}</dd>
        </div>
      </dl>

      {props.unknownGoal && <p class="notice notice--warning">{t("overview.filter.unknownGoal")}</p>}
      <form method="get" action={base} class="board-filter overview-filter">
        <fieldset class="overview-filter__fields">
          <legend class="board-filter__heading">{t("overview.filter.legend")}</legend>
          <SelectField
            ctx={ctx}
            name="mal"
            label={goalWord}
            emptyLabel={t("overview.filter.all")}
            options={overview.goals.map((g) => ({ value: g.id, label: `${g.number}: ${g.title}` }))}
            value={overview.goal?.id ?? ""}
            errors={{}}
          />
          <button type="submit" class="button button--secondary">
            {t("overview.filter.submit")}
          </button>
        </fieldset>
      </form>
      {overview.goal && (
        <p class="board-filter__status">
          {t("overview.filter.showing", { goal: goalName(ctx, plan, overview.goal) })} <a href={base}>{t("overview.filter.showAll")}</a>
        </p>
      )}

      <h2 id="state-counts">{t("overview.stateCounts")}</h2>
      <ul class="overview-counts" aria-labelledby="state-counts">
        {REPORT_STATES.map((state) => (
          <li key={state} class="overview-counts__item">
            <strong class="overview-counts__number">{overview.stateCounts[state]}</strong> {stateLabel(ctx, state)}
          </li>
        ))}
      </ul>
      <p>
        {overview.total === 0
          ? t("overview.shareNone")
          : t("overview.share", { reported: overview.reported, total: overview.total, share: formatShare(overview.reported, overview.total, ctx.locale) })}
      </p>
      <p class="muted">{t("overview.shareHint")}</p>

      <h2 id="organisations">{t("overview.organisations")}</h2>
      {overview.organisations.length === 0 ? (
        <p>{t("overview.noOrganisations")}</p>
      ) : (
        <>
          {(late.length > 0 || (remindable && waiting.length > 0)) && (
            <div class="overview-late">
              {late.length > 0 && (
                <p>
                  <strong class="overdue-mark">{t("overview.lateCount", { count: late.length })}</strong>
                </p>
              )}
              {remindable && waiting.length > 0 && (
                <SendReminderForm
                  ctx={ctx} action={followUpLinks.remind(workspace.slug, plan.slug, round.slug)} returnTo={ctx.path}
                  label={late.length > 0 ? t("overview.remind.all") : t("overview.remind.waiting", { count: waiting.length })}
                />
              )}
            </div>
          )}
          <TableWrap labelledBy="organisations">
            <table class="overview-table">
              <thead>
                <tr>
                  <th scope="col">{t("overview.col.organisation")}</th>
                  <th scope="col">{t("overview.col.state")}</th>
                  <th scope="col">{t("overview.col.reported")}</th>
                  <th scope="col">{t("overview.col.share")}</th>
                  <th scope="col">{t("overview.col.lastChange")}</th>
                  <th scope="col">{t("overview.col.late")}</th>
                  {remindable && <th scope="col">{t("overview.col.remind")}</th>}
                </tr>
              </thead>
              <tbody>
                {overview.organisations.map((o) => (
                  <tr key={o.organisationId} class={o.overdue ? "overview-table__late" : undefined} data-organisation={o.slug}>
                    <th scope="row">
                      <a href={followUpLinks.report(workspace.slug, plan.slug, round.slug, o.slug)} lang={lang}>
                        {o.name}
                      </a>
                    </th>
                    <td>{stateLabel(ctx, o.state)}</td>
                    <td>{t("overview.reportedOf", { reported: o.reported, total: o.total })}</td>
                    <td>{formatShare(o.reported, o.total, ctx.locale)}</td>
                    <td>{o.lastChange ? formatDateTime(o.lastChange, ctx.locale, "medium") : t("overview.never")}</td>
                    <td>{o.overdue ? <strong class="overdue-mark">{t("overview.late")}</strong> : t("overview.notLate")}</td>
                    {remindable && (
                      <td>
                        {!HANDED_IN.has(o.state) && (
                          <SendReminderForm
                            ctx={ctx}
                            action={followUpLinks.remind(workspace.slug, plan.slug, round.slug)}
                            returnTo={ctx.path}
                            organisationId={o.organisationId}
                            label={t("overview.remind.nowNamed", { name: o.name })}
                          />
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      )}

      <h2 id="per-goal">{t("overview.perGoal", { goal: goalWord.toLocaleLowerCase(ctx.locale) })}</h2>
      {!overview.previous && <p class="muted">{t("overview.change.noPrevious")}</p>}
      {overview.goalSections.map((section, index) => (
        <GoalStatus key={section.goal.id} ctx={ctx} plan={plan} section={section} index={index} currentRound={round.name} lang={lang} />
      ))}

      {canManage && (
        <section class="overview-coordinator" aria-labelledby="coordinator-tools">
          <h2 id="coordinator-tools">{t("overview.coordinator")}</h2>
          <ul class="tools">
            <li>
              <a href={followUpLinks.settings(workspace.slug, plan.slug, round.slug)}>{t("overview.settings")}</a>
            </li>
            <li>
              <a href={followUpLinks.rounds(workspace.slug, plan.slug)}>{t("overview.rounds")}</a>
            </li>
          </ul>
          {round.state === "open" ? (
            <>
              <h3>{t("overview.close.heading")}</h3>
              <p>{t("overview.close.text")}</p>
              <PostForm ctx={ctx} action={followUpLinks.close(workspace.slug, plan.slug, round.slug)} class="overview-close">
                <input type="hidden" name="version" value={String(round.version)} />
                <input type="hidden" name="tillbaka" value={ctx.path} />
                <div class="choices">
                  <input type="checkbox" id="confirm" name="confirm" value="1" required />
                  <label for="confirm">{t("overview.close.confirm")}</label>
                </div>
                <button type="submit" class="button button--secondary">
                  {t("overview.close.submit")}
                </button>
              </PostForm>
            </>
          ) : (
            round.state === "closed" && <p>{t("overview.closed")}</p>
          )}
        </section>
      )}
    </Layout>
  );
}

function GoalStatus(props: { ctx: PageContext; plan: Plan; section: GoalSection; index: number; currentRound: string; lang: string | undefined }) {
  const { ctx, plan, section, index, currentRound } = props;
  const { t } = ctx;
  const heading = goalName(ctx, plan, section.goal);
  const id = `goal-${index + 1}`;
  const counts = section.counts.map((c) => ({ key: c.status.key, name: statusName(c.status, ctx.locale), colour: c.status.colour, count: c.count }));
  const comparison = section.comparison;
  return (
    <section class="overview-goal" aria-labelledby={id}>
      <h3 id={id} lang={props.lang}>
        {heading}
      </h3>
      {section.total === 0 ? (
        <p>{t("overview.goalEmpty")}</p>
      ) : (
        <>
          <p>{t("overview.goalTotal", { count: section.total, without: section.withoutStatus })}</p>
          <StatusBar ctx={ctx} id={`${id}-bar`} subject={heading} counts={counts} />
        </>
      )}
      {comparison ? (
        // This round's counts beside the previous round's: one table says both the distribution and the change.
        <>
          <TableWrap labelledBy={`${id}-table`}>
            <table class="overview-change">
              <caption id={`${id}-table`} class="overview-change__caption">
                {t("overview.change.heading", { round: comparison.round.name })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("overview.col.status")}</th>
                  <th scope="col">{comparison.round.name}</th>
                  <th scope="col">{currentRound}</th>
                  <th scope="col">{t("overview.change.col.difference")}</th>
                </tr>
              </thead>
              <tbody>
                {comparison.rows.map((row) => (
                  <tr key={row.status.id}>
                    <th scope="row">
                      <Swatch colour={row.status.colour} />
                      {statusName(row.status, ctx.locale)}
                    </th>
                    <td>{row.then}</td>
                    <td>{row.now}</td>
                    <td>{signed(row.now - row.then, ctx.locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <p>
            {comparison.compared === 0
              ? t("overview.change.noneCompared")
              : t("overview.change.moved", { moved: comparison.movedLater, compared: comparison.compared })}{" "}
            <span class="muted">{t("overview.change.scope")}</span>
          </p>
        </>
      ) : (
        section.total > 0 && (
          <TableWrap labelledBy={`${id}-table`}>
            <table>
              <caption id={`${id}-table`} class="visually-hidden">
                {t("overview.statusTableCaption", { goal: heading })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("overview.col.status")}</th>
                  <th scope="col">{t("overview.col.count")}</th>
                </tr>
              </thead>
              <tbody>
                {counts.map((c) => (
                  <tr key={c.key}>
                    <th scope="row">
                      <Swatch colour={c.colour} />
                      {c.name}
                    </th>
                    <td>{c.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )
      )}
    </section>
  );
}

/** "+2", "−1", "0": the sign written out, so the difference does not hang on colour or position. */
function signed(n: number, locale: Locale): string {
  const abs = new Intl.NumberFormat(locale === "sv" ? "sv-SE" : "en-GB").format(Math.abs(n));
  return n > 0 ? `+${abs}` : n < 0 ? `−${abs}` : "0";
}

