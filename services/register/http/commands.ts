import express, { type RequestHandler, type Router } from 'express';
import type { Logger } from 'pino';
import type { CommandHandler } from '../application/command-handler.js';
import type { OfficerCredential } from '../config.js';
import { COMMAND_TYPES, type CommandType } from '../domain/commands.js';
import type { EventStore } from '../store/port.js';
import { officerAuth, officerOf } from './auth.js';
import { kebabCase, parseCommandRequest } from './command-request.js';
import { residentEvents, residentStatus, type ReadAudit } from './resident-queries.js';

/** Largest accepted command body; a larger one is answered 413. */
export const COMMAND_BODY_LIMIT = '64kb';

export interface CommandRouterDeps {
  readonly handler: CommandHandler;
  readonly store: EventStore;
  readonly officers: readonly OfficerCredential[];
  readonly logger: Logger;
  /** Records officers' reads of a resident's events and status; absent in tests that do not look at it. */
  readonly audit?: ReadAudit;
}

/** `/residents/:residentId/permit-landing`: one endpoint per command. */
export const commandPath = (type: CommandType): string => `/residents/:residentId/${kebabCase(type)}`;

const commandEndpoint =
  (type: CommandType, { handler, logger }: CommandRouterDeps): RequestHandler =>
  async (req, res) => {
    const officerId = officerOf(res);
    const result = await handler.handle(parseCommandRequest(type, req, officerId));
    const created = !result.replayed && result.events.length > 0;
    logger.info(
      { command: type, residentId: result.residentId, revision: result.revision, events: result.events.length, replayed: result.replayed, officerId },
      'command handled',
    );
    res.status(created ? 201 : 200).set('ETag', `"${result.revision}"`);
    if (result.replayed) res.set('Idempotency-Replayed', 'true');
    res.json({ residentId: result.residentId, revision: result.revision, events: result.events });
  };

/**
 * The command API for bureau officers (architecture: "bureau officer ──HTTP──▶ command API"): one
 * POST per command, the resident's events and status; every route needs an officer's bearer token.
 */
export const createCommandRouter = (deps: CommandRouterDeps): Router => {
  const router = express.Router();
  router.use('/residents', officerAuth(deps.officers));
  const json = express.json({ limit: COMMAND_BODY_LIMIT, type: ['application/json', 'application/*+json'] });
  for (const type of COMMAND_TYPES) router.post(commandPath(type), json, commandEndpoint(type, deps));
  router.get('/residents/:residentId/events', residentEvents(deps.store, deps.audit));
  router.get('/residents/:residentId/status', residentStatus(deps.store, deps.audit));
  return router;
};
