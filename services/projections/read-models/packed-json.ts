import { deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * JSON stored as a raw-deflate BLOB. A resident's status (≈2.7 KB of JSON) and stream copy (≈3.8 KB)
 * repeat their keys and identifiers; deflated they take about a third, which is most of the
 * projection database (services/projections/README.md). Level 1: the larger levels gain ≈5 % for
 * more CPU on every recomputation.
 */
const OPTIONS = { level: 1 } as const;

export const packJson = (value: unknown): Buffer => deflateRawSync(JSON.stringify(value), OPTIONS);

/** The value packed by `packJson`; the caller names its type (the BLOB is written only by this module). */
export const unpackJson = (blob: Uint8Array): unknown => JSON.parse(inflateRawSync(blob).toString('utf8'));
