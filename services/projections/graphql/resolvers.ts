import type { AuditLog } from '../audit/audit-log.js';
import { ENUMS } from './enums.js';
import { lapseTypeResolvers } from './resolvers/address-lapses.js';
import { aggregateQueries } from './resolvers/aggregate-queries.js';
import { historyQueries } from './resolvers/history.js';
import { listQueries, listTypeResolvers } from './resolvers/list-queries.js';
import { residentQueries } from './resolvers/resident-queries.js';
import { quarantineQueries } from './resolvers/quarantine.js';
import { DateScalar, DateTimeScalar } from './scalars.js';

/** Every resolver of schema/register.graphql; the rest are the default (property) resolvers. */
export const resolversOf = (audit: AuditLog) => ({
  Query: { ...residentQueries, ...historyQueries, ...listQueries, ...aggregateQueries(audit), ...quarantineQueries },
  ...lapseTypeResolvers,
  ...listTypeResolvers,
  Date: DateScalar,
  DateTime: DateTimeScalar,
  ...ENUMS,
});
