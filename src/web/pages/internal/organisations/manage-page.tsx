// "Hantera organisationer": the typed tree, indented by parent, with move up/down among siblings, edit and archive;
// archived organisations listed apart, each with a way back.
import type { PageContext } from "../../../context.ts";
import { Layout, type Crumb } from "../../../components/layout.tsx";
import { ErrorSummary, PostForm, type FieldErrors } from "../../../components/form.tsx";
import type { MessageKey } from "../../../i18n/index.ts";
import type { Organisation, Workspace } from "../../../../queries/plan-graph.ts";
import { ORGANISATION_TYPES } from "../../../../commands/support/organisation-fields.ts";
import { links } from "../../public/links.ts";
import { organisationLinks } from "./links.ts";
import { organisationTree } from "./tree.ts";

export interface ManageOrganisationsProps {
  ctx: PageContext;
  workspace: Workspace;
  organisations: Organisation[];
  errors: FieldErrors;
}

export function manageCrumbs(ctx: PageContext, workspace: Workspace, current?: string): Crumb[] {
  const crumbs: Crumb[] = [{ label: workspace.name, href: organisationLinks.workspaceManage(workspace.slug) }];
  if (!current) return [...crumbs, { label: ctx.t("orgManage.title") }];
  return [...crumbs, { label: ctx.t("orgManage.title"), href: organisationLinks.manage(workspace.slug) }, { label: current }];
}

function SmallButton(props: { ctx: PageContext; action: string; label: string; named: string; fields: Record<string, string> }) {
  return (
    <PostForm ctx={props.ctx} action={props.action}>
      {Object.entries(props.fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class="button button--secondary button--small" aria-label={props.named}>
        {props.label}
      </button>
    </PostForm>
  );
}

function Row(props: { ctx: PageContext; workspace: Workspace; all: Organisation[]; organisation: Organisation; first: boolean; last: boolean; children: Map<string, Organisation[]> }) {
  const { ctx, workspace, organisation: o } = props;
  const { t } = ctx;
  const back = organisationLinks.manage(workspace.slug);
  const servedBy = o.servedById ? props.all.find((x) => x.id === o.servedById) : undefined;
  const kids = props.children.get(o.id) ?? [];
  return (
    <li id={`org-${o.id}`}>
      <div class="org-manage__row">
        <div class="org-manage__what">
          <a href={links.organisation(workspace.slug, o.slug)} class="org-manage__name">
            {o.name}
          </a>
          {o.shortName && <span class="muted"> ({o.shortName})</span>} <span class="tag">{t(`org.type.${o.type}` as MessageKey)}</span>
          {(servedBy || o.contactRole) && (
            <p class="org-manage__meta">
              {servedBy && <span>{t("org.servedBy", { name: servedBy.name })}</span>}
              {servedBy && o.contactRole && " · "}
              {o.contactRole && (
                <span>
                  {t("org.contactRole")}: {o.contactRole}
                </span>
              )}
            </p>
          )}
        </div>
        <div class="manage-list__actions">
          {!props.first && (
            <SmallButton ctx={ctx} action={organisationLinks.move(workspace.slug, o.slug)} label={t("form.moveUp")} named={t("form.moveUpNamed", { name: o.name })} fields={{ direction: "up", tillbaka: back }} />
          )}
          {!props.last && (
            <SmallButton ctx={ctx} action={organisationLinks.move(workspace.slug, o.slug)} label={t("form.moveDown")} named={t("form.moveDownNamed", { name: o.name })} fields={{ direction: "down", tillbaka: back }} />
          )}
          <a href={organisationLinks.edit(workspace.slug, o.slug)} aria-label={t("form.editNamed", { name: o.name })}>
            {t("form.edit")}
          </a>
          <SmallButton ctx={ctx} action={organisationLinks.archive(workspace.slug, o.slug)} label={t("form.archive")} named={t("form.archiveNamed", { name: o.name })} fields={{ tillbaka: back }} />
        </div>
      </div>
      {kids.length > 0 && <List {...props} list={kids} />}
    </li>
  );
}

function List(props: { ctx: PageContext; workspace: Workspace; all: Organisation[]; list: Organisation[]; children: Map<string, Organisation[]> }) {
  return (
    <ul class="org-manage">
      {props.list.map((o, i) => (
        <Row key={o.id} ctx={props.ctx} workspace={props.workspace} all={props.all} organisation={o} first={i === 0} last={i === props.list.length - 1} children={props.children} />
      ))}
    </ul>
  );
}

export function ManageOrganisationsPage(props: ManageOrganisationsProps) {
  const { ctx, workspace, organisations: all, errors } = props;
  const { t } = ctx;
  const { roots, children } = organisationTree(all);
  const archived = all.filter((o) => o.archivedAt).sort((a, b) => a.name.localeCompare(b.name, "sv"));
  const title = t("orgManage.title");
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <Layout ctx={ctx} title={hasErrors ? t("form.errorTitle", { title }) : title} crumbs={manageCrumbs(ctx, workspace)}>
      <p class="eyebrow">{workspace.name}</p>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p class="lead">{t("orgManage.intro")}</p>
      <p>
        <a class="button" href={organisationLinks.create(workspace.slug)}>
          {t("orgManage.add")}
        </a>
      </p>
      {ORGANISATION_TYPES.map((type) => {
        const list = roots.get(type) ?? [];
        if (list.length === 0) return null;
        return (
          <section key={type} aria-labelledby={`group-${type}`}>
            <h2 id={`group-${type}`}>{t(`orgManage.group.${type}` as MessageKey)}</h2>
            <List ctx={ctx} workspace={workspace} all={all} list={list} children={children} />
          </section>
        );
      })}
      {all.every((o) => o.archivedAt) && <p class="muted">{t("orgManage.empty")}</p>}
      <section aria-labelledby="group-archived">
        <h2 id="group-archived">{t("orgManage.archived")}</h2>
        {archived.length === 0 ? (
          <p class="muted">{t("orgManage.noArchived")}</p>
        ) : (
          <ul class="manage-list">
            {archived.map((o) => (
              <li key={o.id} id={`org-${o.id}`}>
                <span>
                  {o.name} <span class="tag">{t(`org.type.${o.type}` as MessageKey)}</span>
                </span>
                <div class="manage-list__actions">
                  <SmallButton ctx={ctx} action={organisationLinks.restore(workspace.slug, o.slug)} label={t("orgManage.restore")} named={t("orgManage.restoreNamed", { name: o.name })} fields={{ tillbaka: organisationLinks.manage(workspace.slug) }} />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </Layout>
  );
}
