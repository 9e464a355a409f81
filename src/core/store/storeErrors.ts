// The store's coded errors: core says what went wrong and about which file or id; the UI and the CLI
// put it in the user's words (see ../errors.ts).
import { CodedError } from '../errors';

export type StoreErrorCode =
  /** The file changed on disk in a way our change cannot be applied to, or another writer held it too long. */
  | 'conflict'
  /** The file failed to parse or validate; it is left for the user to repair. */
  | 'unparsable'
  | 'not-found'
  /** A client with that name or prefix already exists. */
  | 'exists'
  | 'unknown-client'
  /** The change would produce a file the schema rejects. */
  | 'invalid';

export class StoreError extends CodedError<StoreErrorCode> {
  readonly domain = 'store';

  constructor(
    code: StoreErrorCode,
    /** The issue id, client name or file the error is about. */
    readonly subject: string,
    readonly detail?: string,
  ) {
    super(code, `${code}: ${subject}${detail ? ` (${detail})` : ''}`);
    this.name = 'StoreError';
  }
}
