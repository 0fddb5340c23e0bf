// What the wheel's two views share: the heading with the year to go back and forth, the switch between wheel and
// list, the category filter (a GET form, works without JavaScript), the downloads and the calendar subscription.
import type { PageContext } from "../../context.ts";
import type { Crumb } from "../../components/layout.tsx";
import type { Workspace } from "../../../queries/plan-graph.ts";
import type { WheelYear } from "../../../wheel/types.ts";
import { yearLinks } from "./links.ts";

export interface WheelViewProps {
  ctx: PageContext;
  workspace: Workspace;
  wheel: WheelYear;
  /** Category keys chosen in the filter (empty: all). */
  chosen: string[];
  /** People with a role see meetings and may follow links to them. */
  internal: boolean;
  mayManage: boolean;
  /** The absolute address of the public calendar feed, when the workspace has a published plan. */
  feedUrl: string | null;
}

export function wheelCrumbs(ctx: PageContext, workspace: Workspace, here: string): Crumb[] {
  return [{ label: workspace.name, href: `/#${workspace.slug}` }, { label: here }];
}

export const MONTH_KEYS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"] as const;

export function monthNames(ctx: PageContext): string[] {
  return MONTH_KEYS.map((m) => ctx.t(`month.${m}`));
}

/** The categories shown: the chosen ones, or all. */
export function shownOccurrences(wheel: WheelYear, chosen: readonly string[]): WheelYear {
  if (chosen.length === 0) return wheel;
  const keep = new Set(chosen);
  return { ...wheel, categories: wheel.categories.filter((c) => keep.has(c.key)), occurrences: wheel.occurrences.filter((o) => keep.has(o.categoryKey)) };
}

export function WheelHeader(props: WheelViewProps & { view: "wheel" | "list" }) {
  const { ctx, workspace, wheel, chosen, view } = props;
  const { t } = ctx;
  const ws = workspace.slug;
  const here = view === "wheel" ? yearLinks.wheel : yearLinks.list;
  return (
    <>
      <p class="eyebrow">{workspace.name}</p>
      <h1>{t("wheel.title", { year: wheel.year })}</h1>
      <p class="lead">{t("wheel.intro")}</p>
      <nav class="wheel-nav" aria-label={t("wheel.navLabel")}>
        <ul class="wheel-nav__years">
          <li>
            <a href={here(ws, wheel.year - 1, chosen)}>{t("wheel.previousYear", { year: wheel.year - 1 })}</a>
          </li>
          <li>
            <a href={here(ws, wheel.year + 1, chosen)}>{t("wheel.nextYear", { year: wheel.year + 1 })}</a>
          </li>
        </ul>
        <ul class="wheel-nav__views">
          <li>
            <a href={yearLinks.list(ws, wheel.year, chosen)} aria-current={view === "list" ? "page" : undefined}>
              {t("wheel.listView")}
            </a>
          </li>
          <li>
            <a href={yearLinks.wheel(ws, wheel.year, chosen)} aria-current={view === "wheel" ? "page" : undefined}>
              {t("wheel.wheelView")}
            </a>
          </li>
        </ul>
      </nav>
      {props.mayManage && (
        <p class="tools">
          <a href={yearLinks.newEvent(ws)}>{t("wheel.addEvent")}</a> <a href={yearLinks.categories(ws)}>{t("wheel.categoriesLink")}</a>{" "}
          <a href={yearLinks.groups(ws)}>{t("groups.title")}</a>
        </p>
      )}
      {!props.mayManage && props.internal && (
        <p class="tools">
          <a href={yearLinks.groups(ws)}>{t("groups.title")}</a>
        </p>
      )}
      <CategoryFilter {...props} view={view} />
      {wheel.capped.length > 0 && <p class="notice">{t("wheel.capped", { events: wheel.capped.join(", ") })}</p>}
    </>
  );
}

function CategoryFilter(props: WheelViewProps & { view: "wheel" | "list" }) {
  const { ctx, wheel, chosen, workspace, view } = props;
  const { t } = ctx;
  const action = view === "wheel" ? `/${workspace.slug}/arshjul` : `/${workspace.slug}/arshjul/lista`;
  return (
    <form method="get" action={action} class="wheel-filter">
      <input type="hidden" name="ar" value={String(wheel.year)} />
      <fieldset class="choices choices--inline">
        <legend>{t("wheel.filterLegend")}</legend>
        {wheel.categories.map((c, index) => (
          <div class="choices__item" key={c.key}>
            <input type="checkbox" id={`kategori-${index}`} name="kategori" value={c.key} checked={chosen.includes(c.key)} />
            <label for={`kategori-${index}`}>
              <span class="wheel-swatch" aria-hidden="true">
                <svg width="14" height="14" viewBox="0 0 14 14" focusable="false">
                  <rect width="14" height="14" rx="3" fill={c.colour} />
                </svg>
              </span>{" "}
              {c.name}
            </label>
          </div>
        ))}
      </fieldset>
      <button type="submit" class="button button--secondary">
        {t("wheel.filterSubmit")}
      </button>{" "}
      {chosen.length > 0 && <a href={action + `?ar=${wheel.year}`}>{t("wheel.filterClear")}</a>}
    </form>
  );
}

export function WheelDownloads(props: WheelViewProps) {
  const { ctx, workspace, wheel, chosen, feedUrl } = props;
  const { t } = ctx;
  return (
    <section aria-labelledby="wheel-downloads" class="wheel-downloads">
      <h2 id="wheel-downloads">{t("wheel.downloadsHeading")}</h2>
      <ul>
        <li>
          <a href={yearLinks.wheelPdf(workspace.slug, wheel.year, chosen)}>{t("wheel.downloadPdf")}</a>
        </li>
        <li>
          <a href={yearLinks.wheelPng(workspace.slug, wheel.year, chosen)}>{t("wheel.downloadPng")}</a>
        </li>
      </ul>
      {feedUrl ? (
        <>
          <p>{t("wheel.subscribeIntro")}</p>
          <p>
            <a href={feedUrl}>{t("wheel.subscribeLink")}</a>
          </p>
          <p class="muted">
            <code>{feedUrl}</code>
          </p>
        </>
      ) : (
        <p class="muted">{t("wheel.noPublicFeed")}</p>
      )}
    </section>
  );
}
