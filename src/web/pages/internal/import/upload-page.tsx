// The upload page of an import: whose action plan, and the file. After a refusal for identity numbers it lists the lines
// (numbers masked) so they can be removed; nothing has been stored.
import type { PageContext } from "../../../context.ts";
import { Layout } from "../../../components/layout.tsx";
import { describedBy, ErrorSummary, FieldMessages, SelectField, type FieldErrors } from "../../../components/form.tsx";
import { vocabularyLabel } from "../../../../domain/vocabulary.ts";
import type { Plan, Workspace } from "../../../../queries/plan-graph.ts";
import type { PersonalDataLine } from "../../../../import/personal-data.ts";
import type { MessageKey } from "../../../i18n/index.ts";
import { contentLang } from "../../public/labels.ts";
import { links } from "../../public/links.ts";
import { whereText } from "./where.ts";

export const importLinks = {
  upload: (ws: string, plan: string) => `/${ws}/planer/${plan}/importera`,
  preview: (ws: string, plan: string, id: string) => `/${ws}/planer/${plan}/importera/${id}`,
};

export const IMPORT_FILE_FIELD = "fil";
export const IMPORT_ORG_FIELD = "organisation";

export function ImportUploadPage(props: {
  ctx: PageContext;
  workspace: Workspace;
  plan: Plan;
  organisations: Array<{ id: string; name: string }>;
  chosen: string;
  maxWords: string;
  errors: FieldErrors;
  refused?: PersonalDataLine[];
}) {
  const { ctx, workspace, plan, errors } = props;
  const { t } = ctx;
  const lang = contentLang(ctx, workspace);
  const measures = vocabularyLabel(plan.vocabulary, "measure", ctx.locale, "other").toLocaleLowerCase(ctx.locale === "sv" ? "sv-SE" : "en-GB");
  const fileError = errors[IMPORT_FILE_FIELD];
  const fileHint = t("import.fileHint", { max: props.maxWords });
  const title = t("import.title");
  return (
    <Layout
      ctx={ctx}
      title={Object.keys(errors).length || props.refused?.length ? t("form.errorTitle", { title }) : title}
      crumbs={[
        { label: workspace.name, href: `/#${workspace.slug}` },
        { label: plan.name, href: links.plan(workspace.slug, plan.slug), lang },
        { label: title },
      ]}
    >
      <p class="eyebrow" lang={lang}>
        {plan.name}
      </p>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} order={[IMPORT_ORG_FIELD, IMPORT_FILE_FIELD]} />
      {props.refused && props.refused.length > 0 && (
        <section class="import-refused" role="alert" aria-labelledby="import-refused-title">
          <h2 id="import-refused-title">{t("import.refused.title")}</h2>
          <p>{t("import.refused.intro")}</p>
          <ul>
            {props.refused.map((line) => (
              <li>
                <strong>{whereText(ctx, line.where)}</strong>: {t(line.messageKey as MessageKey, line.params as never)} <q lang={lang}>{line.excerpt}</q>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p>{t("import.intro")}</p>
      {props.organisations.length === 0 ? (
        <p>{t("import.noOrganisations")}</p>
      ) : (
        <form method="post" action={importLinks.upload(workspace.slug, plan.slug)} enctype="multipart/form-data" class="form" noValidate>
          {/* The token comes before the file: the server reads the fields in order and checks it before reading the file. */}
          <input type="hidden" name="_csrf" value={ctx.csrf ?? ""} />
          <SelectField
            ctx={ctx}
            name={IMPORT_ORG_FIELD}
            label={t("import.organisation")}
            hint={t("import.organisationHint", { measures })}
            options={props.organisations.map((o) => ({ value: o.id, label: o.name }))}
            emptyLabel={props.organisations.length > 1 ? "" : undefined}
            value={props.chosen}
            errors={errors}
          />
          <div class={fileError ? "field field--error" : "field"}>
            <label for={IMPORT_FILE_FIELD}>{t("import.file")}</label>
            <FieldMessages ctx={ctx} name={IMPORT_FILE_FIELD} hint={fileHint} error={fileError} />
            <input
              id={IMPORT_FILE_FIELD} name={IMPORT_FILE_FIELD} type="file"
              accept=".docx,.pdf,.txt,.md,.xlsx,.csv,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/plain,text/markdown,text/csv"
              aria-describedby={describedBy(IMPORT_FILE_FIELD, fileHint, fileError)} aria-invalid={fileError ? "true" : undefined}
            />
          </div>
          <div class="form-actions">
            <button type="submit" class="button">
              {t("import.submit")}
            </button>
          </div>
        </form>
      )}
    </Layout>
  );
}
