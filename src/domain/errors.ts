// The named errors every layer throws; the web layer maps each once to a status code and a page.
export class AppError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFound extends AppError {
  constructor(what = "resource") {
    super(`${what} not found`, 404);
  }
}

/** The visitor must log in to see this (anonymous visitors are sent to the login page, never shown a bare 401). */
export class LoginRequired extends AppError {
  constructor() {
    super("login required", 401);
  }
}

export class Forbidden extends AppError {
  constructor() {
    super("forbidden", 403);
  }
}

/** Input that breaks a rule: field name → message key (and params) for the user's language. */
export class Invalid extends AppError {
  constructor(readonly fields: Record<string, { key: string; params?: Record<string, string | number> }>) {
    super(`invalid input: ${Object.keys(fields).join(", ")}`, 400);
  }
}

/** The row changed since the form was opened: carries what is saved now, so nobody's text is lost. */
export class Conflict<T = unknown> extends AppError {
  constructor(
    readonly current: T,
    readonly currentVersion: number,
  ) {
    super("the row was changed by someone else", 409);
  }
}
