// Start page: the workspaces (municipalities) and their published plans.
import type { PageContext } from "../../context.ts";
import { Layout } from "../../components/layout.tsx";
import type { WorkspaceWithPlans } from "../../../queries/find-plan.ts";
import { links } from "./links.ts";
import { yearLinks } from "../year/links.ts";
import { yearOf } from "../../i18n/index.ts";
import { contentLang } from "./labels.ts";

export function StartPage(props: { ctx: PageContext; entries: WorkspaceWithPlans[] }) {
  const { ctx, entries } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t("start.title")}>
      <h1>{t("start.title")}</h1>
      <p class="lead">{t("start.intro")}</p>
      {entries.length === 0 && <p>{t("start.noPlans")}</p>}
      <div class="card-list">
        {entries.map(({ workspace, plans }) => (
          <section class="card" id={workspace.slug} key={workspace.id} aria-labelledby={`ws-${workspace.slug}`}>
            <h2 id={`ws-${workspace.slug}`}>{workspace.name}</h2>
            <ul class="plain-list">
              {plans.map((plan) => (
                <li key={plan.id}>
                  <a class="card__link" href={links.plan(workspace.slug, plan.slug)} lang={contentLang(ctx, workspace)}>
                    {plan.name}
                  </a>{" "}
                  <span class="muted">({t("date.range", { from: yearOf(plan.periodStart), to: yearOf(plan.periodEnd) })})</span>
                </li>
              ))}
            </ul>
            <p class="tools">
              <a href={links.organisations(workspace.slug)}>{t("start.organisations")}</a> <a href={yearLinks.wheel(workspace.slug)}>{t("year.wheelLink")}</a>
            </p>
          </section>
        ))}
      </div>
    </Layout>
  );
}
