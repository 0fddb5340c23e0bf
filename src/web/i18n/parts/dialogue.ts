// Messages of dialogue, Swedish and English; spread into the catalogs in ../sv.ts and ../en.ts.
export const dialogueSv = {
} as const;

export const dialogueEn: Record<keyof typeof dialogueSv, string> = {
};
