// "Mitt konto": who I am, my roles per workspace and organisation, log out here or everywhere.
import type { PageContext } from "../../context.ts";
import { Layout } from "../../components/layout.tsx";
import { PostForm } from "../../components/form.tsx";
import type { MessageKey } from "../../i18n/index.ts";
import type { AdministeredWorkspace } from "../../../queries/people.ts";

export interface RoleLine {
  workspace: string;
  role: string;
  organisation: string | null;
}

export function AccountPage(props: { ctx: PageContext; roles: RoleLine[]; administered?: AdministeredWorkspace[] }) {
  const { ctx } = props;
  const viewer = ctx.viewer!;
  const title = ctx.t("account.title");
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ label: title }]}>
      <h1>{title}</h1>
      <p>
        {viewer.name} ({viewer.email})
      </p>
      {viewer.systemAdmin && (
        <>
          {(props.administered ?? []).length === 0 && <p class="notice">{ctx.t("ps.account.noWorkspaces")}</p>}
          <p>
            <a class="button" href="/arbetsytor/ny">
              {ctx.t("ps.account.createWorkspace")}
            </a>
          </p>
        </>
      )}
      <h2>{ctx.t("account.roles")}</h2>
      {viewer.systemAdmin && <p>{ctx.t("account.systemAdmin")}</p>}
      {props.roles.length === 0 && !viewer.systemAdmin ? (
        <p>{ctx.t("account.noRoles")}</p>
      ) : (
        <ul>
          {props.roles.map((r, i) => (
            <li key={i}>
              {r.workspace}: {ctx.t(`role.${r.role}` as MessageKey)}
              {r.organisation ? `, ${r.organisation}` : ""}
            </li>
          ))}
        </ul>
      )}
      {props.administered && props.administered.length > 0 && (
        <>
          <h2>{ctx.t("admin.account.heading")}</h2>
          <ul>
            {props.administered.map((w) => (
              <li key={w.slug}>
                {w.manage && <a href={`/${w.slug}/hantera`}>{ctx.t("ps.account.manage", { workspace: w.name })}</a>}
                {w.manage && (w.people || w.log) && ", "}
                {w.people && <a href={`/${w.slug}/personer`}>{ctx.t("admin.people.title", { workspace: w.name })}</a>}
                {w.people && w.log && ", "}
                {w.log && <a href={`/${w.slug}/logg`}>{ctx.t("admin.log.title", { workspace: w.name })}</a>}
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>{ctx.t("account.everywhere")}</h2>
      <p id="everywhere-hint">{ctx.t("account.everywhereHint")}</p>
      <PostForm ctx={ctx} action="/konto/logga-ut-overallt">
        <button type="submit" class="button button--secondary" aria-describedby="everywhere-hint">
          {ctx.t("account.everywhere")}
        </button>
      </PostForm>
    </Layout>
  );
}
