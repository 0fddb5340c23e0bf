// The plan's follow-up statuses in order: colour, name, what each counts as and the phase it moves an activity to;
// move up or down, edit, archive. Archived statuses are listed apart and can be brought back.
import type { PageContext } from "../../../context.ts";
import { Layout, type Crumb } from "../../../components/layout.tsx";
import { ErrorSummary, PostForm, type FieldErrors } from "../../../components/form.tsx";
import { Swatch } from "../../../components/status-bar.tsx";
import type { MessageKey } from "../../../i18n/index.ts";
import type { Status } from "../../../../queries/plan-graph.ts";
import { pageTitle } from "./parts.tsx";

export interface StatusLinks {
  create: string;
  edit: (id: string) => string;
  move: (id: string) => string;
  archive: (id: string) => string;
  restore: (id: string) => string;
  /** This page, for the forms' way back. */
  self: string;
}

export const statusRowId = (id: string) => `status-${id}`;

function Named(props: { text: string; name: string }) {
  return (
    <>
      {props.text}
      <span class="visually-hidden">: {props.name}</span>
    </>
  );
}

export function statusMeaningLabel(ctx: PageContext, meaning: string): string {
  return ctx.t(`ps.status.meaning.${meaning}` as MessageKey);
}

export function StatusesPage(props: { ctx: PageContext; crumbs: Crumb[]; statuses: Status[]; archived: Status[]; links: StatusLinks; errors: FieldErrors }) {
  const { ctx, statuses, errors, links } = props;
  const title = ctx.t("ps.statuses.title");
  const name = (s: Status) => (ctx.locale === "en" && s.nameEn ? s.nameEn : s.name);
  const Description = (p: { status: Status }) => (
    <span class="status-item">
      <span class="status-line">
        <Swatch colour={p.status.colour} />
        <strong>{name(p.status)}</strong>
        <span class="muted">({ctx.t("ps.statuses.colour", { colour: p.status.colour })})</span>
      </span>
      <span class="muted">
        {ctx.t("ps.statuses.counts", { meaning: statusMeaningLabel(ctx, p.status.meaning), phase: ctx.t(`phase.${p.status.phase}` as MessageKey) })}
      </span>
    </span>
  );
  const RowError = (p: { id: string }) =>
    errors[statusRowId(p.id)] ? (
      <p class="field__error" id={`${statusRowId(p.id)}-error`}>
        <span class="visually-hidden">{ctx.t("form.errorPrefix")}</span> {errors[statusRowId(p.id)]}
      </p>
    ) : null;
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, title, errors)} crumbs={props.crumbs}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} order={["version", ...statuses.map((s) => statusRowId(s.id)), ...props.archived.map((s) => statusRowId(s.id))]} />
      <p class="prose">{ctx.t("ps.statuses.intro")}</p>
      <p>
        <a class="button" href={links.create}>
          {ctx.t("ps.statuses.new")}
        </a>
      </p>
      {statuses.length === 0 ? (
        <p>{ctx.t("ps.statuses.none")}</p>
      ) : (
        <ol class="manage-list">
          {statuses.map((s, i) => (
            <li key={s.id} id={statusRowId(s.id)} tabIndex={-1} class={errors[statusRowId(s.id)] ? "field--error" : undefined}>
              <Description status={s} />
              <RowError id={s.id} />
              <span class="manage-list__actions">
                {i > 0 && (
                  <PostForm ctx={ctx} action={links.move(s.id)}>
                    <input type="hidden" name="direction" value="up" />
                    <button type="submit" class="button button--secondary button--small">
                      <Named text={ctx.t("form.moveUp")} name={name(s)} />
                    </button>
                  </PostForm>
                )}
                {i < statuses.length - 1 && (
                  <PostForm ctx={ctx} action={links.move(s.id)}>
                    <input type="hidden" name="direction" value="down" />
                    <button type="submit" class="button button--secondary button--small">
                      <Named text={ctx.t("form.moveDown")} name={name(s)} />
                    </button>
                  </PostForm>
                )}
                <a href={links.edit(s.id)}>
                  <Named text={ctx.t("form.edit")} name={name(s)} />
                </a>
                <PostForm ctx={ctx} action={links.archive(s.id)}>
                  <input type="hidden" name="version" value={String(s.version)} />
                  <button type="submit" class="button button--secondary button--small">
                    <Named text={ctx.t("form.archive")} name={name(s)} />
                  </button>
                </PostForm>
              </span>
            </li>
          ))}
        </ol>
      )}
      {props.archived.length > 0 && (
        <>
          <h2>{ctx.t("ps.statuses.archived")}</h2>
          <p>{ctx.t("ps.statuses.archivedIntro")}</p>
          <ul class="manage-list">
            {props.archived.map((s) => (
              <li key={s.id} id={statusRowId(s.id)} tabIndex={-1}>
                <Description status={s} />
                <RowError id={s.id} />
                <span class="manage-list__actions">
                  <span class="tag">{ctx.t("form.archivedTag")}</span>
                  <PostForm ctx={ctx} action={links.restore(s.id)}>
                    <input type="hidden" name="version" value={String(s.version)} />
                    <button type="submit" class="button button--secondary button--small">
                      <Named text={ctx.t("ps.statuses.restore")} name={name(s)} />
                    </button>
                  </PostForm>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </Layout>
  );
}
