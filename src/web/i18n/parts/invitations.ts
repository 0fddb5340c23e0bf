// Messages of the invitations pages, Swedish and English; spread into the catalogs in ../sv.ts and ../en.ts.
export const invitationsSv = {} as const;

export const invitationsEn: Record<keyof typeof invitationsSv, string> = {};
