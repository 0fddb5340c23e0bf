// "Logg": the workspace's audit events, newest first, with a filter form (GET) and pages of 50. Each event shows when,
// who, what, what it concerns (linked where there is a page for it) and each changed field as before → after.
import type { PageContext } from "../../context.ts";
import { Layout, type Crumb } from "../../components/layout.tsx";
import { ErrorSummary, type FieldErrors } from "../../components/form.tsx";
import { TableWrap } from "../../components/table-wrap.tsx";
import type { MessageKey } from "../../i18n/index.ts";
import { links } from "../public/links.ts";
import { isRole } from "../../../domain/roles.ts";
import type { AuditLogEntry, AuditLogOptions } from "../../../queries/audit-log.ts";
import { DateField, SelectField } from "../../components/form.tsx";
import { formatDateTime, messageOr } from "../../i18n/index.ts";

/** The filter form's fields as typed (query parameter names). */
export interface AuditLogForm {
  person: string;
  organisation: string;
  typ: string;
  fran: string;
  till: string;
}

export const AUDIT_FORM_FIELDS = ["person", "organisation", "typ", "fran", "till"] as const;

export interface AuditLogPageProps {
  ctx: PageContext;
  crumbs: Crumb[];
  workspaceSlug: string;
  workspaceName: string;
  action: string;
  form: AuditLogForm;
  options: AuditLogOptions;
  errors: FieldErrors;
  /** Null when the filter has errors: nothing is looked up then. */
  result: { entries: AuditLogEntry[]; total: number; page: number; pages: number; pageSize: number } | null;
  /** The URL of another page of the same filter. */
  pageHref: (page: number) => string;
  /** Links the viewer may open (the people page). */
  tools: Array<{ href: string; label: string }>;
}

/** A value longer than this is cut in the log; the subject's history shows it whole. */
export const SHORTEN_AT = 200;

const FIELD_LABELS: Record<string, MessageKey> = {
  title: "activity.edit.titleLabel",
  description: "activity.edit.descriptionLabel",
  childRights: "activity.edit.childRightsLabel",
};

function fieldLabel(ctx: PageContext, field: string): string {
  const known = FIELD_LABELS[field];
  return known ? ctx.t(known) : messageOr(ctx.t, `admin.log.field.${field}`, field);
}

/** A stored value as a short text, and whether it was cut. */
function shown(ctx: PageContext, field: string, value: unknown): { text: string; cut: boolean } {
  let text: string;
  if (value === null || value === undefined || value === "") text = "—";
  else if (typeof value === "boolean") text = ctx.t(value ? "admin.log.yes" : "admin.log.no");
  else if (field === "role" && isRole(value)) text = ctx.t(`role.${value}`);
  else if (typeof value === "string") text = value;
  else if (typeof value === "number") text = String(value);
  else text = JSON.stringify(value);
  const chars = [...text];
  return chars.length > SHORTEN_AT ? { text: `${chars.slice(0, SHORTEN_AT).join("").trimEnd()}…`, cut: true } : { text, cut: false };
}

function Subject(props: { ctx: PageContext; ws: string; entry: AuditLogEntry }) {
  const { ctx, entry } = props;
  const type = messageOr(ctx.t, `admin.log.type.${entry.subjectType}`, entry.subjectType);
  const a = entry.activity;
  let name: string | null = null;
  if (a) name = a.number ? `${a.number} ${a.title}` : a.title;
  else if (entry.userName) name = entry.userName;
  else if (entry.workspaceName) name = entry.workspaceName;
  return (
    <>
      {type}
      {name && ": "}
      {name && (a?.open ? <a href={links.activity(props.ws, a.planSlug, a.id)}>{name}</a> : name)}
      {entry.organisationName && (
        <>
          <br />
          <small>{entry.organisationName}</small>
        </>
      )}
    </>
  );
}

function Changes(props: { ctx: PageContext; ws: string; entry: AuditLogEntry }) {
  const { ctx, entry } = props;
  if (entry.changes.length === 0) return null;
  let cut = false;
  const items = entry.changes.map((change, i) => {
    const before = shown(ctx, change.field, change.before);
    const after = shown(ctx, change.field, change.after);
    cut ||= before.cut || after.cut;
    return (
      <li key={i}>
        <strong>{fieldLabel(ctx, change.field)}</strong> {ctx.t("admin.log.before")} <del>{before.text}</del>, {ctx.t("admin.log.after")} <ins>{after.text}</ins>
      </li>
    );
  });
  const a = entry.activity;
  return (
    <>
      <ul class="audit-changes">{items}</ul>
      {cut && a?.open && <a href={links.activityHistory(props.ws, a.planSlug, a.id)}>{ctx.t("admin.log.fullText")}</a>}
    </>
  );
}

function Pager(props: { ctx: PageContext; page: number; pages: number; href: (page: number) => string }) {
  const { ctx, page, pages } = props;
  if (pages <= 1) return null;
  return (
    <nav class="pager" aria-label={ctx.t("admin.log.pages")}>
      <ul class="tools">
        {page > 1 && (
          <li>
            <a href={props.href(page - 1)} rel="prev">
              {ctx.t("admin.log.previous")}
            </a>
          </li>
        )}
        <li aria-current="page">{ctx.t("admin.log.pageOf", { page, pages })}</li>
        {page < pages && (
          <li>
            <a href={props.href(page + 1)} rel="next">
              {ctx.t("admin.log.next")}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}

export function AuditLogPage(props: AuditLogPageProps) {
  const { ctx, errors, form, options, result } = props;
  const title = ctx.t("admin.log.title", { workspace: props.workspaceName });
  const hasErrors = Object.keys(errors).length > 0;
  const typeLabel = (type: string) => messageOr(ctx.t, `admin.log.type.${type}`, type);
  return (
    <Layout ctx={ctx} title={hasErrors ? ctx.t("form.errorTitle", { title }) : title} crumbs={props.crumbs}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} order={[...AUDIT_FORM_FIELDS]} />
      <p>{ctx.t("admin.log.intro", { workspace: props.workspaceName })}</p>
      {props.tools.length > 0 && (
        <ul class="tools">
          {props.tools.map((l) => (
            <li key={l.href}>
              <a href={l.href}>{l.label}</a>
            </li>
          ))}
        </ul>
      )}
      <h2 id="filters-heading">{ctx.t("admin.log.filters")}</h2>
      <form method="get" action={props.action} class="form" role="search" aria-labelledby="filters-heading" noValidate>
        <SelectField
          ctx={ctx} name="person" label={ctx.t("admin.log.person")} value={form.person} emptyLabel={ctx.t("admin.log.all")} errors={errors}
          options={options.actors.map((p) => ({ value: p.id, label: p.name }))}
        />
        <SelectField
          ctx={ctx} name="organisation" label={ctx.t("admin.log.organisation")} value={form.organisation} emptyLabel={ctx.t("admin.log.all")} errors={errors}
          options={options.organisations.map((o) => ({ value: o.id, label: o.name }))}
        />
        <SelectField
          ctx={ctx} name="typ" label={ctx.t("admin.log.type")} value={form.typ} emptyLabel={ctx.t("admin.log.all")} errors={errors}
          options={options.subjectTypes.map((type) => ({ value: type, label: typeLabel(type) }))}
        />
        <DateField ctx={ctx} name="fran" label={ctx.t("admin.log.from")} value={form.fran} hint={ctx.t("admin.log.dateHint")} errors={errors} />
        <DateField ctx={ctx} name="till" label={ctx.t("admin.log.to")} value={form.till} hint={ctx.t("admin.log.dateHint")} errors={errors} />
        <p>
          <button type="submit" class="button">
            {ctx.t("admin.log.show")}
          </button>{" "}
          <a href={props.action}>{ctx.t("admin.log.clear")}</a>
        </p>
      </form>
      <h2>{ctx.t("admin.log.events")}</h2>
      {result && result.total === 0 && <p>{ctx.t("admin.log.empty")}</p>}
      {result && result.total > 0 && (
        <>
          <TableWrap labelledBy="log-caption">
            <table class="audit-log">
              <caption id="log-caption">
                {ctx.t("admin.log.caption", {
                  first: (result.page - 1) * result.pageSize + 1,
                  last: (result.page - 1) * result.pageSize + result.entries.length,
                  total: result.total,
                })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{ctx.t("admin.log.when")}</th>
                  <th scope="col">{ctx.t("admin.log.who")}</th>
                  <th scope="col">{ctx.t("admin.log.what")}</th>
                  <th scope="col">{ctx.t("admin.log.subject")}</th>
                  <th scope="col">{ctx.t("admin.log.changes")}</th>
                </tr>
              </thead>
              <tbody>
                {result.entries.map((entry) => (
                  <tr key={entry.id}>
                    <th scope="row">
                      <time dateTime={entry.at.toISOString()}>{formatDateTime(entry.at, ctx.locale, "medium")}</time>
                    </th>
                    <td>
                      {entry.actorName ?? ctx.t("history.system")}
                      {entry.via !== "web" && entry.via !== "system" && (
                        <>
                          <br />
                          <small>{ctx.t("admin.log.via", { via: entry.via })}</small>
                        </>
                      )}
                    </td>
                    <td>{messageOr(ctx.t, `audit.action.${entry.action}`, entry.action)}</td>
                    <td>
                      <Subject ctx={ctx} ws={props.workspaceSlug} entry={entry} />
                    </td>
                    <td>
                      <Changes ctx={ctx} ws={props.workspaceSlug} entry={entry} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <Pager ctx={ctx} page={result.page} pages={result.pages} href={props.pageHref} />
        </>
      )}
    </Layout>
  );
}
