// The words of the invitation and password-reset mails, from the message catalog: an invitation in the workspace's
// default language, a reset link in the account's. Plain text; nothing but what the person needs to act.
import { isLocale, translator, type Locale, type MessageKey } from "../../i18n/index.ts";
import { formatDateTime } from "../../i18n/index.ts";
import type { ComposeMail, InvitationMailDetails } from "../../../commands/invite-person.ts";
import type { ResetMailDetails } from "../../../commands/request-password-reset.ts";

const localeOr = (value: unknown): Locale => (isLocale(value) ? value : "sv");

export function invitationMail(workspaceLocale: string): ComposeMail<InvitationMailDetails> {
  const locale = localeOr(workspaceLocale);
  const t = translator(locale);
  return (d) => ({
    // A line break in a subject would refuse the message; names are data, so flatten them.
    subject: t("invitation.mail.subject", { workspace: d.workspaceName }).replace(/\s+/g, " ").trim(),
    text: t("invitation.mail.body", {
      inviter: d.inviterName,
      workspace: d.workspaceName,
      role: t(`role.${d.role}` as MessageKey).toLocaleLowerCase(locale === "sv" ? "sv-SE" : "en-GB"),
      organisation: d.organisationName ? t("invitation.mail.organisation", { organisation: d.organisationName }) : "",
      link: d.link,
      expires: formatDateTime(d.expiresAt, locale),
    }),
  });
}

export const resetMail: ComposeMail<ResetMailDetails> = (d) => {
  const locale = localeOr(d.locale);
  const t = translator(locale);
  return {
    subject: t("passwordReset.mail.subject"),
    text: t("passwordReset.mail.body", { link: d.link, expires: formatDateTime(d.expiresAt, locale) }),
  };
};
