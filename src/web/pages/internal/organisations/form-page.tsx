// Adding or editing an organisation: name, short name, type, its place in the tree, the administration serving a
// board, and the contact role (a role, not a person). After a conflict the other person's saved values are shown.
import type { PageContext } from "../../../context.ts";
import { Layout } from "../../../components/layout.tsx";
import { ErrorSummary, PostForm, SelectField, TextField, type FieldErrors, type Option } from "../../../components/form.tsx";
import { ConfirmPersonalData } from "../../../components/form-choices.tsx";
import type { MessageKey } from "../../../i18n/index.ts";
import type { Organisation, Workspace } from "../../../../queries/plan-graph.ts";
import { ORGANISATION_TYPES, selfAndDescendants } from "../../../../commands/support/organisation-fields.ts";
import type { SavedOrganisation } from "../../../../commands/update-organisation.ts";
import { manageCrumbs } from "./manage-page.tsx";
import { flattenTree } from "./tree.ts";

export type OrganisationFormValues = SavedOrganisation;

export interface OrganisationFormProps {
  ctx: PageContext;
  workspace: Workspace;
  organisations: Organisation[];
  /** The organisation being edited; undefined when adding one. */
  organisation?: Organisation;
  action: string;
  back: string;
  version: number;
  values: OrganisationFormValues;
  errors: FieldErrors;
  askConfirm: boolean;
  /** After a conflict: what the other person saved. */
  theirs?: OrganisationFormValues;
}

export const ORGANISATION_FORM_ORDER = ["version", "name", "shortName", "type", "parentId", "servedById", "contactRole", "confirmPersonalData"];

export function OrganisationFormPage(props: OrganisationFormProps) {
  const { ctx, workspace, organisation, values, errors } = props;
  const { t } = ctx;
  const title = organisation ? t("orgManage.editTitle", { name: organisation.name }) : t("orgManage.addTitle");
  const hasErrors = Object.keys(errors).length > 0;
  const excluded = organisation ? selfAndDescendants(props.organisations, organisation.id) : new Set<string>();
  const parentOptions: Option[] = flattenTree(props.organisations)
    .filter(({ organisation: o }) => !excluded.has(o.id))
    .map(({ organisation: o, depth }) => ({ value: o.id, label: `${"— ".repeat(depth)}${o.name} (${t(`org.type.${o.type}` as MessageKey)})` }));
  const servingOptions: Option[] = props.organisations
    .filter((o) => o.type === "administration" && !o.archivedAt)
    .sort((a, b) => a.name.localeCompare(b.name, "sv"))
    .map((o) => ({ value: o.id, label: o.name }));
  // A choice the organisation already has stays selectable even when that organisation was archived since.
  for (const [id, options] of [[organisation?.parentId, parentOptions], [organisation?.servedById, servingOptions]] as const) {
    const kept = id ? props.organisations.find((o) => o.id === id && o.archivedAt) : undefined;
    if (kept) options.push({ value: kept.id, label: `${kept.name} (${t("form.archivedTag")})` });
  }
  const nameOf = (id: string) => props.organisations.find((o) => o.id === id)?.name ?? "";
  const typeOptions: Option[] = ORGANISATION_TYPES.map((type) => ({ value: type, label: t(`org.type.${type}` as MessageKey) }));
  return (
    <Layout ctx={ctx} title={hasErrors ? t("form.errorTitle", { title }) : title} crumbs={manageCrumbs(ctx, workspace, organisation ? organisation.name : t("orgManage.addCrumb"))}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} order={ORGANISATION_FORM_ORDER} />
      {props.theirs && (
        <div class="notice">
          <p>{t("orgManage.conflictExplain")}</p>
          <dl class="org-manage__theirs">
            <dt>{t("orgManage.name")}</dt>
            <dd>{props.theirs.name}</dd>
            <dt>{t("orgManage.shortName")}</dt>
            <dd>{props.theirs.shortName || t("conflict.empty")}</dd>
            <dt>{t("orgManage.type")}</dt>
            <dd>{t(`org.type.${props.theirs.type}` as MessageKey)}</dd>
            <dt>{t("orgManage.parent")}</dt>
            <dd>{props.theirs.parentId ? nameOf(props.theirs.parentId) : t("orgManage.parentNone")}</dd>
            <dt>{t("orgManage.servedBy")}</dt>
            <dd>{props.theirs.servedById ? nameOf(props.theirs.servedById) : t("conflict.empty")}</dd>
            <dt>{t("orgManage.contactRole")}</dt>
            <dd>{props.theirs.contactRole || t("conflict.empty")}</dd>
          </dl>
        </div>
      )}
      <PostForm ctx={ctx} action={props.action} class="form" novalidate>
        <input type="hidden" name="version" value={String(props.version)} />
        <input type="hidden" name="tillbaka" value={props.back} />
        <TextField ctx={ctx} name="name" label={t("orgManage.name")} value={values.name} errors={errors} required />
        <TextField ctx={ctx} name="shortName" label={`${t("orgManage.shortName")} ${t("form.optional")}`} hint={t("orgManage.shortNameHint")} value={values.shortName} errors={errors} />
        <SelectField ctx={ctx} name="type" label={t("orgManage.type")} options={typeOptions} emptyLabel={t("orgManage.typeChoose")} value={values.type} errors={errors} required />
        <SelectField ctx={ctx} name="parentId" label={t("orgManage.parent")} hint={t("orgManage.parentHint")} options={parentOptions} emptyLabel={t("orgManage.parentNone")} value={values.parentId} errors={errors} />
        <SelectField ctx={ctx} name="servedById" label={t("orgManage.servedBy")} hint={t("orgManage.servedByHint")} options={servingOptions} emptyLabel={t("orgManage.servedByNone")} value={values.servedById} errors={errors} />
        <TextField ctx={ctx} name="contactRole" label={`${t("orgManage.contactRole")} ${t("form.optional")}`} hint={t("orgManage.contactRoleHint")} value={values.contactRole} errors={errors} />
        {props.askConfirm && <ConfirmPersonalData ctx={ctx} errors={errors} />}
        <p class="form-actions">
          <button type="submit" class="button">
            {organisation ? t("form.save") : t("orgManage.addSubmit")}
          </button>{" "}
          <a href={props.back}>{t("form.cancel")}</a>
        </p>
      </PostForm>
    </Layout>
  );
}
