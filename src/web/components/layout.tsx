// The page frame: language, title, skip link, header with language switch, breadcrumbs, main landmark, footer.
import type { ComponentChildren } from "preact";
import type { PageContext } from "../context.ts";

export interface Crumb {
  label: string;
  href?: string;
  /** Set when the label is authored text in another language than the page (see contentLang). */
  lang?: string | undefined;
}

export function Layout(props: { ctx: PageContext; title: string; crumbs?: Crumb[]; children: ComponentChildren }) {
  const { ctx, title, crumbs = [], children } = props;
  const { t, locale } = ctx;
  const other = locale === "sv" ? "en" : "sv";
  const switchHref = `/sprak/${other}?tillbaka=${encodeURIComponent(ctx.path)}`;
  const toDoHref = toDoLink(ctx);
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – ${t("title.suffix")}`}</title>
        <link rel="stylesheet" href="/static/app.css" />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t("layout.skipToContent")}
        </a>
        <header class="site-header">
          <div class="container site-header__inner">
            <a class="site-header__name" href="/">
              {t("app.name")}
            </a>
            <div class="site-header__tools">
              {/* No aria-label: the accessible name must contain the visible words (WCAG 2.5.3); lang makes it read in that language. */}
              <a class="site-header__lang" href={switchHref} lang={other} hrefLang={other}>
                {t("layout.languageSwitch")}
              </a>
              {ctx.viewer ? (
                <>
                  {toDoHref && (
                    <a href={toDoHref} aria-current={ctx.path.split("?")[0] === toDoHref ? "page" : undefined}>
                      {t("todo.nav")}
                    </a>
                  )}
                  <a href="/konto">{ctx.viewer.name}</a>
                  {ctx.csrf && (
                    <form method="post" action="/logga-ut" class="site-header__logout">
                      <input type="hidden" name="_csrf" value={ctx.csrf} />
                      <button type="submit" class="link-button">
                        {t("logout.submit")}
                      </button>
                    </form>
                  )}
                </>
              ) : (
                <a href={`/logga-in?tillbaka=${encodeURIComponent(ctx.path)}`}>{t("layout.login")}</a>
              )}
            </div>
          </div>
        </header>
        {crumbs.length > 0 && (
          <nav class="container breadcrumbs" aria-label={t("layout.breadcrumbs")}>
            <ol>
              <li>
                <a href="/">{t("layout.home")}</a>
              </li>
              {crumbs.map((crumb, index) => (
                <li key={index}>
                  {crumb.href ? (
                    <a href={crumb.href} lang={crumb.lang}>
                      {crumb.label}
                    </a>
                  ) : (
                    <span aria-current="page" lang={crumb.lang}>
                      {crumb.label}
                    </span>
                  )}
                </li>
              ))}
            </ol>
          </nav>
        )}
        <main id="main" class="container" tabIndex={-1}>
          {ctx.flash && (
            <p class="flash" role="status">
              {t(ctx.flash, ctx.flashParams)}
            </p>
          )}
          {children}
        </main>
        <footer class="site-footer">
          <div class="container">
            <p>{t("layout.footer")}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}

/** "Att göra" of the workspace the page belongs to (the first part of its address), when the viewer has a role there. */
function toDoLink(ctx: PageContext): string | null {
  const slug = ctx.path.split(/[/?#]/)[1];
  if (!ctx.viewer || !slug) return null;
  return ctx.viewer.memberships.some((m) => m.workspaceSlug === slug) ? `/${slug}/att-gora` : null;
}
