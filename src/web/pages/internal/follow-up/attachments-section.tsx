// The attachments of one activity report: each file with its type and size in words and a download link; while the
// report can be written, a remove button per file and an upload form (multipart, with the CSRF token before the file,
// works without JavaScript). Embedded on the activity report page; also the body of the page that shows upload errors.
import type { PageContext } from "../../../context.ts";
import { describedBy, FieldMessages, type FieldErrors } from "../../../components/form.tsx";
import { RowButton } from "../goals/parts.tsx";
import { formatNumber, type Locale } from "../../../i18n/index.ts";
import type { AttachmentListItem } from "../../../../queries/report-attachments.ts";
import { ACCEPT_ATTRIBUTE, typeLabel } from "../../../../follow-up/attachment-types.ts";
import { FILE_FIELD, SECTION_FIELD, sizeLimitWords } from "../../../../commands/add-attachment.ts";

/** The address of a report's attachments: `basePath` is the activity report's page. */
export const attachmentLinks = {
  upload: (basePath: string) => `${basePath}/bilagor`,
  download: (basePath: string, id: string) => `${basePath}/bilagor/${id}`,
  remove: (basePath: string, id: string) => `${basePath}/bilagor/${id}/ta-bort`,
};

/** "340 byte", "12 kB", "1,4 MB" (1 kB = 1024 bytes). */
export function sizeInWords(ctx: Pick<PageContext, "t" | "locale">, bytes: number): string {
  if (bytes < 1024) return ctx.t("attachment.size.bytes", { n: formatNumber(bytes, ctx.locale) });
  if (bytes < 1024 * 1024) return ctx.t("attachment.size.kb", { n: formatNumber(Math.round(bytes / 1024), ctx.locale) });
  return ctx.t("attachment.size.mb", { n: oneDecimal(bytes / (1024 * 1024), ctx.locale) });
}

function oneDecimal(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === "sv" ? "sv-SE" : "en-GB", { maximumFractionDigits: 1 }).format(value);
}

export interface AttachmentsSectionProps {
  ctx: PageContext;
  /** The activity report's page: `/:ws/planer/:plan/uppfoljning/:round/:org/aktiviteter/:activity`. */
  basePath: string;
  attachments: AttachmentListItem[];
  /** The report can be written now by this viewer (round open, not submitted, its editor or a coordinator). */
  writable: boolean;
  /** Where the upload and remove forms return to (a path on this site). */
  returnTo: string;
  /** The size limit, shown in the upload hint (AppState.attachmentMaxBytes). */
  maxBytes?: number;
  /** Problems from a refused upload or removal (fields "fil" and "bilagor"). */
  errors?: FieldErrors;
  /** The section's heading level (2 on the report page). */
  headingLevel?: 2 | 3;
}

export function AttachmentsSection(props: AttachmentsSectionProps) {
  const { ctx, basePath, attachments, writable, returnTo } = props;
  const errors = props.errors ?? {};
  const Heading = props.headingLevel === 3 ? "h3" : "h2";
  const hint = props.maxBytes ? ctx.t("attachment.upload.hint", { max: sizeLimitWords(props.maxBytes) }) : ctx.t("attachment.upload.hintNoLimit");
  const fileError = errors[FILE_FIELD];
  const sectionError = errors[SECTION_FIELD];
  return (
    <section class="attachments" aria-labelledby={SECTION_FIELD}>
      <Heading id={SECTION_FIELD} tabIndex={-1}>
        {ctx.t("attachment.heading")}
      </Heading>
      {sectionError && (
        <p class="field__error" id={`${SECTION_FIELD}-error`}>
          <span class="visually-hidden">{ctx.t("form.errorPrefix")}</span> {sectionError}
        </p>
      )}
      {attachments.length === 0 ? (
        <p class="muted">{ctx.t("attachment.none")}</p>
      ) : (
        <ul class="manage-list attachment-list">
          {attachments.map((a) => (
            <li key={a.id}>
              <div class="manage-list__item">
                <a href={attachmentLinks.download(basePath, a.id)} download={a.filename} aria-label={ctx.t("attachment.downloadNamed", { name: a.filename })}>
                  {a.filename}
                </a>
                <p class="manage-list__meta">{ctx.t("attachment.meta", { type: typeLabel(a.mediaType), size: sizeInWords(ctx, a.sizeBytes) })}</p>
              </div>
              {writable && (
                <div class="manage-list__actions">
                  <RowButton ctx={ctx} action={attachmentLinks.remove(basePath, a.id)} back={returnTo} text={ctx.t("attachment.remove")} name={ctx.t("attachment.removeNamed", { name: a.filename })} />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {writable && (
        <form method="post" action={attachmentLinks.upload(basePath)} enctype="multipart/form-data" class="form attachment-upload" noValidate>
          {/* The token comes before the file: the server reads the fields in order and checks it before storing anything. */}
          <input type="hidden" name="_csrf" value={ctx.csrf ?? ""} />
          <input type="hidden" name="tillbaka" value={returnTo} />
          <div class={fileError ? "field field--error" : "field"}>
            <label for={FILE_FIELD}>{ctx.t("attachment.upload.label")}</label>
            <FieldMessages ctx={ctx} name={FILE_FIELD} hint={hint} error={fileError} />
            <input
              id={FILE_FIELD} name={FILE_FIELD} type="file" accept={ACCEPT_ATTRIBUTE}
              aria-describedby={describedBy(FILE_FIELD, hint, fileError)} aria-invalid={fileError ? "true" : undefined}
            />
          </div>
          <div class="form-actions">
            <button type="submit" class="button">
              {ctx.t("attachment.upload.submit")}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
