import { isRecord, type Decoder } from './decode.js';
import { storedToken } from './session.js';

/** One POST /graphql with the stored bearer token; errors keep the API's stable `extensions.code`. */

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
  ) {
    super(message);
  }
}

const firstError = (body: unknown): { message: string; code: string } | null => {
  if (!isRecord(body) || !Array.isArray(body['errors'])) return null;
  const [error]: unknown[] = body['errors'];
  if (!isRecord(error)) return null;
  const extensions = error['extensions'];
  const code = isRecord(extensions) && typeof extensions['code'] === 'string' ? extensions['code'] : 'ERROR';
  return { message: typeof error['message'] === 'string' ? error['message'] : 'unknown error', code };
};

export const graphql = async <T>(query: string, variables: Record<string, unknown>, decode: Decoder<T>, token = storedToken()): Promise<T> => {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(token === null ? {} : { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ query, variables }),
  });
  const body: unknown = await response.json().catch(() => null);
  const error = firstError(body);
  if (error !== null) throw new ApiError(error.message, error.code, response.status);
  if (!response.ok || !isRecord(body)) throw new ApiError(`HTTP ${response.status}`, 'HTTP', response.status);
  return decode(body['data'], 'data');
};
