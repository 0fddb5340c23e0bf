// Messages of attachments, Swedish and English; spread into the catalogs in ../sv.ts and ../en.ts.
export const attachmentsSv = {
} as const;

export const attachmentsEn: Record<keyof typeof attachmentsSv, string> = {
};
