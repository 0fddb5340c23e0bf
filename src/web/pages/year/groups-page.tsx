// The workspace's groups (styrgrupp, samordningsgrupp, nätverk …): each with its kind, members and next meeting; a
// form for a new group for coordinators.
import type { PageContext } from "../../context.ts";
import { Layout } from "../../components/layout.tsx";
import { ErrorSummary, PostForm, SelectField, TextField, type FieldErrors } from "../../components/form.tsx";
import { ConfirmPersonalData, TextAreaField } from "../../components/form-choices.tsx";
import { formatDateTime } from "../../i18n/index.ts";
import type { Workspace } from "../../../queries/plan-graph.ts";
import type { Group, MeetingTime } from "../../../queries/groups.ts";
import { GROUP_KINDS, type GroupFields } from "../../../commands/save-group.ts";
import { yearLinks } from "./links.ts";

export interface GroupsPageProps {
  ctx: PageContext;
  workspace: Workspace;
  groups: Array<{ group: Group; members: number; next: MeetingTime | null }>;
  mayManage: boolean;
  values: GroupFields;
  errors: FieldErrors;
  askConfirm: boolean;
}

export function GroupFormFields(props: { ctx: PageContext; values: GroupFields; errors: FieldErrors; askConfirm: boolean }) {
  const { ctx, values, errors } = props;
  const { t } = ctx;
  return (
    <>
      <TextField ctx={ctx} name="name" label={t("groups.form.name")} value={values.name} errors={errors} />
      <SelectField ctx={ctx} name="kind" label={t("groups.form.kind")} value={values.kind} errors={errors} options={GROUP_KINDS.map((k) => ({ value: k, label: t(`groups.kind.${k}`) }))} />
      <TextAreaField ctx={ctx} name="description" label={t("groups.form.description")} hint={t("groups.form.descriptionHint")} value={values.description} errors={errors} rows={3} />
      {props.askConfirm && <ConfirmPersonalData ctx={ctx} errors={errors} />}
    </>
  );
}

export function GroupsPage(props: GroupsPageProps) {
  const { ctx, workspace, groups } = props;
  const { t } = ctx;
  const ws = workspace.slug;
  const title = t("groups.title");
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ label: workspace.name, href: `/#${ws}` }, { label: title }]}>
      <p class="eyebrow">{workspace.name}</p>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={props.errors} order={["name", "kind", "description", "confirmPersonalData"]} />
      <p class="lead">{t("groups.intro")}</p>
      <p class="tools">
        <a href={yearLinks.list(ws)}>{t("wheel.titleShort")}</a>
      </p>
      {groups.length === 0 ? (
        <p class="notice">{t("groups.none")}</p>
      ) : (
        <ul class="card-list">
          {groups.map(({ group, members, next }) => (
            <li key={group.id} class="card">
              <h2>
                <a href={yearLinks.group(ws, group.slug)}>{group.name}</a>
              </h2>
              <p class="muted">
                {t(`groups.kind.${group.kind as (typeof GROUP_KINDS)[number]}`)} · {t("groups.memberCount", { count: members })}
              </p>
              <p>{next ? t("groups.nextMeeting", { when: formatDateTime(next.start, ctx.locale) }) : t("groups.noNextMeeting")}</p>
            </li>
          ))}
        </ul>
      )}
      {props.mayManage && (
        <section aria-labelledby="new-group" class="panel">
          <h2 id="new-group">{t("groups.new")}</h2>
          <PostForm ctx={ctx} action={yearLinks.newGroup(ws)} class="form" novalidate>
            <GroupFormFields ctx={ctx} values={props.values} errors={props.errors} askConfirm={props.askConfirm} />
            <div class="form-actions">
              <button type="submit" class="button">
                {t("groups.create")}
              </button>
            </div>
          </PostForm>
        </section>
      )}
    </Layout>
  );
}
