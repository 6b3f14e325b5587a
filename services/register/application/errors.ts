/**
 * Why the command handler refused a request for reasons of concurrency or idempotency, not of law
 * (those are DomainErrors). No transport codes here: http/errors.ts maps them.
 */

/** The client stated the revision it expected (If-Match) and the stream is at another one. */
export class RevisionMismatchError extends Error {
  override readonly name = 'RevisionMismatchError';
  constructor(
    readonly streamId: string,
    readonly expected: number | 'exists',
    readonly actual: number,
  ) {
    super(`stream ${streamId}: expected revision ${String(expected)}, actual ${actual}`);
  }
}

/** Other writers kept appending between our read and our append, more often than the retry bound. */
export class ConcurrencyExhaustedError extends Error {
  override readonly name = 'ConcurrencyExhaustedError';
  constructor(
    readonly streamId: string,
    readonly attempts: number,
  ) {
    super(`stream ${streamId}: still conflicting after ${attempts} attempts`);
  }
}

/** An idempotency key already used for another request (another body or another command). */
export class IdempotencyKeyReusedError extends Error {
  override readonly name = 'IdempotencyKeyReusedError';
  constructor(
    readonly idempotencyKey: string,
    readonly reason: string,
  ) {
    super(`idempotency key ${JSON.stringify(idempotencyKey)}: ${reason}`);
  }
}
