import { ASYNCAPI_FILE, renderAsyncApi } from './asyncapi.js';
import { INTEGRATION_BASELINE_DIR, INTEGRATION_SCHEMA_DIR, integrationSchemaFiles } from './json-schema.js';

/** Every generated file of the integration contract: path → content (the baseline is written only on request). */
export const integrationContractFiles = (): ReadonlyMap<string, string> => new Map([...integrationSchemaFiles(), [ASYNCAPI_FILE, renderAsyncApi()]]);

/** The baseline: a copy of today's payload schemas, against which later ones must stay compatible. */
export const integrationBaselineFiles = (): ReadonlyMap<string, string> =>
  new Map([...integrationSchemaFiles()].map(([path, content]) => [path.replace(`${INTEGRATION_SCHEMA_DIR}/`, `${INTEGRATION_BASELINE_DIR}/`), content]));
