import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import type { GraphQLResolveInfo } from 'graphql';
import type { Logger } from 'pino';
import type { Instant } from '../../../events/values.js';
import type { AuditLog, AuditRecord } from '../audit/audit-log.js';
import { holdsPersonalData, returnedFields } from './audit-fields.js';
import { graphql } from './graphql-js.js';
import type { GraphqlContext, PendingRead } from './context.js';
import { rootFieldsOf } from './operation.js';
import { subjectOf } from './subject.js';

/**
 * Rules.md INFO-2: every response that returns a resident's personal data is recorded in the audit
 * log, once per resident, with the fields returned. Fields are noted as they resolve; only those
 * the response really holds (not null, not dropped by an error) are written, before the response
 * leaves: `willSendResponse` awaits the commit of the group the records joined (group-commit.ts),
 * and Apollo sends nothing until it returns. If the audit log cannot be written, the response is withheld.
 */

/** Notes a field of a `@personalData` object; such an object without its resident id is refused. */
const noteRead = (reads: PendingRead[], source: unknown, info: GraphQLResolveInfo): void => {
  if (!holdsPersonalData(info.parentType) || info.fieldName.startsWith('__')) return;
  const residentId = subjectOf(source);
  if (residentId === undefined) throw new Error(`${info.parentType.name} resolved without the resident it describes`);
  const path = graphql.responsePathAsArray(info.path);
  reads.push({ objectPath: path.slice(0, -1), responseKey: String(path.at(-1)), residentId, fields: returnedFields(info) });
};

const childOf = (value: unknown, key: string | number): unknown =>
  typeof value === 'object' && value !== null ? Object.getOwnPropertyDescriptor(value, key)?.value : undefined;

const valueAt = (data: unknown, path: readonly (string | number)[]): unknown => path.reduce<unknown>(childOf, data);

/** Fields per resident that the response data really holds. */
export const returnedReads = (reads: readonly PendingRead[], data: unknown): Map<string, Set<string>> => {
  const byResident = new Map<string, Set<string>>();
  for (const read of reads) {
    const value = valueAt(data, [...read.objectPath, read.responseKey]);
    if (value === null || value === undefined || read.fields.length === 0) continue;
    const fields = byResident.get(read.residentId) ?? new Set<string>();
    read.fields.forEach((field) => fields.add(field));
    byResident.set(read.residentId, fields);
  }
  return byResident;
};

const withhold = (rc: GraphQLRequestContextWillSendResponse<GraphqlContext>): void => {
  rc.response.body = { kind: 'single', singleResult: { errors: [{ message: 'Internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] } };
  rc.response.http.status = 500;
};

const recordsOf = (rc: GraphQLRequestContextWillSendResponse<GraphqlContext>, at: Instant): AuditRecord[] => {
  if (rc.response.body.kind !== 'single') {
    // Incremental delivery (@defer) needs graphql 17; were it ever on, its parts could not be checked: refuse rather than leave them unaudited.
    if (rc.contextValue.reads.length > 0) throw new Error('an incremental response cannot be audited');
    return [];
  }
  if (rc.operation === undefined || rc.document === undefined) return [];
  const reads = returnedReads(rc.contextValue.reads, rc.response.body.singleResult.data);
  const rootFields = rootFieldsOf(rc.operation, rc.document);
  const { actor } = rc.contextValue;
  return [...reads].map(([residentId, fields]) => ({ at, actor, operationName: rc.operationName ?? null, rootFields, residentId, fields: [...fields].sort() }));
};

export const auditPlugin = (deps: { readonly audit: AuditLog; readonly clock: () => Instant; readonly logger: Logger }): ApolloServerPlugin<GraphqlContext> => ({
  requestDidStart: async () => ({
    executionDidStart: async () => ({
      willResolveField: ({ source, info, contextValue }) => noteRead(contextValue.reads, source, info),
    }),
    willSendResponse: async (rc) => {
      try {
        const records = recordsOf(rc, deps.clock());
        if (records.length > 0) await deps.audit.record(records);
      } catch (error) {
        deps.logger.error({ err: error }, 'audit log write failed: the response is withheld');
        withhold(rc);
      }
    },
  }),
});
