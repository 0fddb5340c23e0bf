// The workspace's outbox (GET /:ws/utkorg): every message Samverka sent or will send for it, newest first, 50 a page,
// optionally one state. Each message shows when, to whom, its subject, its state in words, the error when it failed,
// and its text behind a disclosure — so without SMTP the coordinator can read what would have been sent.
import type { PageContext } from "../../../context.ts";
import { Layout } from "../../../components/layout.tsx";
import { formatDateTime, type MessageKey } from "../../../i18n/index.ts";
import type { OutboxPage as OutboxRows } from "../../../../queries/outbox.ts";
import { OUTBOX_STATES } from "../../../../queries/outbox.ts";
import type { Workspace } from "../../../../queries/plan-graph.ts";
import { psLinks } from "../plan-structure/links.ts";
import { reminderLinks } from "./send-reminder-form.tsx";

export interface OutboxPageProps {
  ctx: PageContext;
  workspace: Workspace;
  outbox: OutboxRows;
  /** The state filtered on, or undefined for all. */
  state: string | undefined;
  /** SMTP is set up (mailerOf(state).configured). */
  configured: boolean;
}

const stateLabel = (ctx: PageContext, state: string) => ctx.t(`outbox.state.${state}` as MessageKey);

export function OutboxPage(props: OutboxPageProps) {
  const { ctx, workspace, outbox } = props;
  const t = ctx.t;
  const title = t("outbox.title");
  const pageHref = (page: number) => {
    const query = new URLSearchParams();
    if (props.state) query.set("status", props.state);
    if (page > 1) query.set("sida", String(page));
    const q = query.toString();
    return `${reminderLinks.outbox(workspace.slug)}${q ? `?${q}` : ""}`;
  };
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ label: workspace.name, href: psLinks.manage(workspace.slug) }, { label: title }]}>
      <h1>{title}</h1>
      {!props.configured && <p class="notice notice--warning">{t("outbox.notConfigured")}</p>}
      <p>{t("outbox.intro", { workspace: workspace.name })}</p>
      <form method="get" action={reminderLinks.outbox(workspace.slug)} class="outbox-filter">
        <div class="field">
          <label for="status">{t("outbox.filter.status")}</label>
          <select id="status" name="status">
            <option value="" selected={!props.state}>
              {t("outbox.filter.all")}
            </option>
            {OUTBOX_STATES.map((s) => (
              <option key={s} value={s} selected={props.state === s}>
                {stateLabel(ctx, s)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button button--secondary">
          {t("outbox.filter.submit")}
        </button>
      </form>
      <p>
        {t("outbox.count", { count: outbox.total })}
        {outbox.pages > 1 && <> – {t("outbox.pageOf", { page: outbox.page, pages: outbox.pages })}</>}
      </p>
      {outbox.rows.length === 0 ? (
        <p>{props.state ? t("outbox.emptyFiltered", { status: stateLabel(ctx, props.state) }) : t("outbox.empty")}</p>
      ) : (
        <ol class="outbox-list">
          {outbox.rows.map((row) => (
            <li key={row.id} class={`outbox-item outbox-item--${row.state}`}>
              <h2 class="outbox-item__subject">{row.subject}</h2>
              <dl class="outbox-item__facts">
                <div>
                  <dt>{t("outbox.created")}</dt>
                  <dd>{formatDateTime(row.createdAt, ctx.locale, "medium")}</dd>
                </div>
                <div>
                  <dt>{t("outbox.to")}</dt>
                  <dd>{row.to}</dd>
                </div>
                <div>
                  <dt>{t("outbox.status")}</dt>
                  <dd>
                    {stateLabel(ctx, row.state)}
                    {row.sentAt && row.state === "sent" && <> ({formatDateTime(row.sentAt, ctx.locale, "medium")})</>}
                  </dd>
                </div>
                {row.error && (
                  <div>
                    <dt>{t("outbox.error")}</dt>
                    <dd class="outbox-item__error">{row.error}</dd>
                  </div>
                )}
              </dl>
              <details class="outbox-item__text">
                <summary>
                  {t("outbox.text")}
                  <span class="visually-hidden">: {row.subject}</span>
                </summary>
                <pre>{row.text}</pre>
              </details>
            </li>
          ))}
        </ol>
      )}
      {outbox.pages > 1 && (
        <nav aria-label={t("outbox.pages")} class="outbox-pages">
          <ul class="tools">
            {outbox.page > 1 && (
              <li>
                <a href={pageHref(outbox.page - 1)} rel="prev">
                  {t("outbox.previous")}
                </a>
              </li>
            )}
            {outbox.page < outbox.pages && (
              <li>
                <a href={pageHref(outbox.page + 1)} rel="next">
                  {t("outbox.next")}
                </a>
              </li>
            )}
          </ul>
        </nav>
      )}
    </Layout>
  );
}
