import express, { type Router } from 'express';
import { z } from 'zod';
import type { OfficerCredential } from '../register/config.js';
import { officerAuth, officerOf } from '../register/http/auth.js';
import { problemOf, sendProblem } from '../register/http/problem.js';
import { audited, type ReadAudit } from '../register/http/resident-queries.js';
import { fieldErrorsOf } from '../register/http/validation.js';
import { MunicipalityCode, ResidentId } from '../../events/values.js';
import type { Intake } from './intake.js';
import type { QuarantineStore } from './quarantine-store.js';
import { Relay } from './relay-schema.js';

const ListQuery = z.strictObject({
  state: z.enum(['open', 'applied']).optional(),
  municipalityCode: MunicipalityCode.optional(),
  after: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const ReapplyBody = z.strictObject({ residentId: ResidentId.optional() });
const EntryId = z.coerce.number().int().positive();

const invalid = (res: express.Response, where: 'query' | 'path' | 'body', issues: z.core.$ZodIssue[]): void =>
  sendProblem(res, problemOf('request', 'VALIDATION_FAILED', 400, 'The request is invalid', { errors: fieldErrorsOf(where, issues) }));

/**
 * Officers' view of the quarantine (decision 9): list and read entries, and re-apply one once its
 * cause is resolved (the landing arrived, the card was issued) — optionally naming the resident,
 * which replaces the card matching by the officer's decision.
 */
/** The audit subject of an entry, as the GraphQL `quarantine` query names it: the resident, or the entry while it has none. */
const subjectOf = (entry: { readonly id: number; readonly residentId?: string | null }): string => entry.residentId ?? `quarantine-${entry.id}`;
const ENTRY_FIELDS = ['relay', 'raw'] as const;

export const quarantineRouter = (quarantine: QuarantineStore, intake: Intake, officers: readonly OfficerCredential[], audit?: ReadAudit): Router => {
  const router = express.Router();
  router.use('/quarantine', officerAuth(officers));
  router.get('/quarantine', async (req, res) => {
    const query = ListQuery.safeParse(req.query);
    if (!query.success) return invalid(res, 'query', query.error.issues);
    const { after, ...rest } = query.data;
    const items = quarantine.list({ ...rest, ...(after === undefined ? {} : { afterId: after }) });
    await audited(audit, res, items.map(subjectOf), 'GET /quarantine', ENTRY_FIELDS);
    res.json({ items, next: items.length === query.data.limit ? (items.at(-1)?.id ?? null) : null });
  });
  router.get('/quarantine/:id', async (req, res) => {
    const id = EntryId.safeParse(req.params.id);
    const entry = id.success ? quarantine.get(id.data) : undefined;
    if (entry === undefined) return sendProblem(res, problemOf('request', 'NOT_FOUND', 404, 'No such quarantine entry'));
    await audited(audit, res, [subjectOf(entry)], 'GET /quarantine/:id', ENTRY_FIELDS);
    res.json(entry);
  });
  router.post('/quarantine/:id/reapply', express.json({ limit: '4kb' }), async (req, res) => {
    const id = EntryId.safeParse(req.params.id);
    const entry = id.success ? quarantine.get(id.data) : undefined;
    if (entry === undefined) return sendProblem(res, problemOf('request', 'NOT_FOUND', 404, 'No such quarantine entry'));
    const body = ReapplyBody.safeParse(req.body ?? {});
    if (!body.success) return invalid(res, 'body', body.error.issues);
    if (entry.state === 'applied') return sendProblem(res, problemOf('quarantine', 'ALREADY_APPLIED', 409, 'The entry was applied already', { entry }));
    const outcome = await intake.apply(Relay.parse(entry.relay), entry.raw, { actor: officerOf(res), ...body.data });
    if (outcome.outcome === 'quarantined')
      return sendProblem(res, problemOf('quarantine', 'STILL_UNAPPLIED', 409, 'The relay still cannot be applied', { reason: outcome.reason, quarantineId: outcome.quarantineId }));
    if (outcome.outcome === 'rejected')
      return sendProblem(res, problemOf('relay', outcome.code, outcome.status, 'The relay cannot be applied', { errors: outcome.errors }));
    if (outcome.outcome === 'failed') return sendProblem(res, problemOf('store', outcome.code, 503, outcome.detail));
    res.status(200).json({ ...outcome, entry: quarantine.get(entry.id) });
  });
  return router;
};
