// Messages of reminders, Swedish and English; spread into the catalogs in ../sv.ts and ../en.ts.
export const remindersSv = {
} as const;

export const remindersEn: Record<keyof typeof remindersSv, string> = {
};
