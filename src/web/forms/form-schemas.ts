// zod pieces for form bodies as the browser sends them: every value is a string, a repeated name is an array, an
// unticked box is absent. Rules about meaning (required, lengths, dates in order) live in the commands.
import { z } from "zod";

/** The version the form was opened at (0 when missing, which never matches a row). */
export const formVersion = z.coerce.number().int().min(0).catch(0);

/** A text field; absent is "". Values are kept as typed (trimming is the command's business). */
export const formText = z.string().catch("").default("");

/** A group of checkboxes: absent → [], one → [value], several → [values]. */
export const formList = z.preprocess((v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]), z.array(z.string()));

/** A checkbox with value "1". */
export const formFlag = z.preprocess((v) => v === "1" || v === "on" || v === "true", z.boolean());

/** The personal-data confirmation box. */
export const confirmPersonalData = formFlag;

/** "up" or "down" for the move buttons. */
export const moveDirection = z.enum(["up", "down"]);

export const slugSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,80}$/);
export const uuidSchema = z.uuid();
