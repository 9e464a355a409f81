// The one error vocabulary: every failure a layer below the UI or the CLI throws on purpose carries
// a domain and a code, and the layer that shows it turns the code into words in the user's language
// (src/ui/errorMessages.ts, src/cli/cliMessages.ts). A message is for logs only; users never read it.

/** Which part of the product raised the error; with the code it picks the words. */
export type ErrorDomain = 'git' | 'store' | 'evidence' | 'user';

export abstract class CodedError<C extends string = string> extends Error {
  abstract readonly domain: ErrorDomain;

  protected constructor(
    readonly code: C,
    /** The logged message: the code and what it is about, never shown as is. */
    message: string,
  ) {
    super(message);
  }
}

export function isCodedError(error: unknown): error is CodedError {
  return error instanceof CodedError;
}

export type UserErrorCode =
  /** An argument a command cannot use (a bad status, a missing title). */
  | 'bad-argument'
  /** The command needs something the user has not done yet ("open a draft first"). */
  | 'precondition'
  /** The workspace is in Restricted Mode and the command would write or run git. */
  | 'restricted'
  | 'not-found';

/** What the user can do next about a refusal, shown as the notification's button. */
export interface UserErrorAction {
  /** Already in the user's language. */
  title: string;
  command: string;
  arguments?: unknown[];
}

/**
 * An expected refusal, not a failure: the caller asked for something that cannot be done as asked.
 * Its message is already in the user's words (the layer that raises it is the one that shows it),
 * it is shown as a warning or information and logged without a stack.
 */
export class UserError extends CodedError<UserErrorCode> {
  readonly domain = 'user';

  constructor(
    code: UserErrorCode,
    message: string,
    readonly options: { severity?: 'info' | 'warning'; action?: UserErrorAction } = {},
  ) {
    super(code, message);
    this.name = 'UserError';
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}
