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
