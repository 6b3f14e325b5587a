import type { QuarantineReason } from './matching.js';
import type { RelayFieldError } from './validate.js';

/**
 * What the bridge answers for each record (README of the bridge, "Answers"): a batch is never
 * all-or-nothing. `failed` is a transient fault (store unavailable): resend, it is idempotent.
 */
export type RecordOutcome =
  | { readonly outcome: 'accepted'; readonly residentId: string; readonly eventIds: readonly string[] }
  | { readonly outcome: 'duplicate'; readonly residentId: string }
  | { readonly outcome: 'rejected'; readonly code: RejectionCode; readonly status: 400 | 403 | 409; readonly errors: readonly RelayFieldError[] }
  | { readonly outcome: 'quarantined'; readonly quarantineId: number; readonly reason: QuarantineReason }
  | { readonly outcome: 'failed'; readonly code: 'UNAVAILABLE'; readonly detail: string };

export type RejectionCode = 'VALIDATION_FAILED' | 'FORBIDDEN' | 'RECEIPT_REUSED' | 'MALFORMED_RECORD';

/** One record's answer, with what identifies it to the office. */
export type RecordResult = RecordOutcome & {
  readonly index?: number;
  readonly receiptId?: string;
  readonly type?: string;
};

export const rejected = (code: RejectionCode, status: 400 | 403 | 409, errors: readonly RelayFieldError[]): RecordOutcome => ({
  outcome: 'rejected', code, status, errors,
});

/** The record's own receipt id and type, when it has them, to echo in the answer. */
export const identify = (raw: unknown): { receiptId?: string; type?: string } => {
  if (typeof raw !== 'object' || raw === null) return {};
  const receiptId: unknown = Reflect.get(raw, 'receiptId');
  const type: unknown = Reflect.get(raw, 'type');
  return { ...(typeof receiptId === 'string' ? { receiptId } : {}), ...(typeof type === 'string' ? { type } : {}) };
};
