// Organisation list: the typed tree — boards, administrations with their departments, companies, external partners.
import type { PageContext } from "../../context.ts";
import { Layout } from "../../components/layout.tsx";
import type { MessageKey } from "../../i18n/index.ts";
import type { Organisation, PlanGraph, Workspace } from "../../../queries/plan-graph.ts";
import { links } from "./links.ts";

const TOP_TYPES = ["board", "administration", "company", "external"] as const;

function Tree(props: { ctx: PageContext; workspace: Workspace; all: Organisation[]; parent: Organisation; counts: Map<string, number> }) {
  const children = props.all.filter((o) => o.parentId === props.parent.id);
  if (children.length === 0) return null;
  return (
    <ul>
      {children.map((child) => (
        <li key={child.id}>
          <a href={links.organisation(props.workspace.slug, child.slug)}>{child.name}</a>{" "}
          <span class="muted">({props.ctx.t(`org.type.${child.type}` as MessageKey)})</span>
          <Tree {...props} parent={child} />
        </li>
      ))}
    </ul>
  );
}

export function OrganisationsPage(props: { ctx: PageContext; workspace: Workspace; organisations: Organisation[]; graphs: PlanGraph[] }) {
  const { ctx, workspace, graphs } = props;
  const { t } = ctx;
  const all = props.organisations.filter((o) => !o.archivedAt);
  const counts = new Map<string, number>();
  for (const graph of graphs) for (const a of graph.activities) for (const id of a.responsibleIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  const byId = new Map(all.map((o) => [o.id, o]));
  return (
    <Layout ctx={ctx} title={`${t("org.listTitle")} – ${workspace.name}`} crumbs={[{ label: workspace.name, href: `/#${workspace.slug}` }, { label: t("org.listTitle") }]}>
      <p class="eyebrow">{workspace.name}</p>
      <h1>{t("org.listTitle")}</h1>
      <p class="lead">{t("org.listIntro")}</p>
      {TOP_TYPES.map((type) => {
        const top = all.filter((o) => o.type === type && (!o.parentId || !byId.has(o.parentId)));
        if (top.length === 0) return null;
        return (
          <section key={type} aria-labelledby={`type-${type}`}>
            <h2 id={`type-${type}`}>{t(`org.typeGroup.${type}` as MessageKey)}</h2>
            <ul class="org-tree">
              {top.map((org) => (
                <li key={org.id}>
                  <a href={links.organisation(workspace.slug, org.slug)}>{org.name}</a>
                  {org.servedById && byId.get(org.servedById) && <span class="muted"> – {t("org.servedBy", { name: byId.get(org.servedById)!.name })}</span>}
                  <Tree ctx={ctx} workspace={workspace} all={all} parent={org} counts={counts} />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </Layout>
  );
}
