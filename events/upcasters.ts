import type { Upcaster } from './upcasting.js';

/**
 * The upcasters of the catalogue, one per (type, fromVersion). Empty while every event type is at
 * version 1. To change a shipped shape: bump `currentVersion` in catalogue.ts, keep the old schema
 * beside the new one, and add `{ type, fromVersion: n, upcast }` here.
 */
export const UPCASTERS: readonly Upcaster[] = [];
