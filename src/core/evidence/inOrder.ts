// Independent steps of one evidence computation, run at once: a person's request runs its git
// commands side by side where the port allows it (see git/gitRunner.ts, `requestLanes`), and on a
// port of one queue they still run one after another. The answers are the same as one after
// another, and so is the failure.

/**
 * Starts every step at once and gives their answers in the steps' order. When steps fail, the error
 * is that of the first failing step in that order (the one that, one after another, would have
 * stopped the rest), thrown once every step has ended: no git is left running unawaited.
 */
export async function allInOrder<T extends readonly unknown[] | []>(steps: { readonly [K in keyof T]: () => Promise<T[K]> }): Promise<{ -readonly [K in keyof T]: T[K] }> {
  const settled = await Promise.allSettled((steps as readonly (() => Promise<unknown>)[]).map((step) => step()));
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed !== undefined) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as { -readonly [K in keyof T]: T[K] };
}

/** Reads asked ahead of need (a Context's `beside`): each starts when the one before it has ended. */
export function oneAtATime(): <T>(read: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(read: () => Promise<T>): Promise<T> => {
    const next = last.then(read, read);
    last = next.catch(() => undefined);
    return next;
  };
}
