import { pino, type DestinationStream, type Level, type Logger } from 'pino';

/**
 * Fields that can carry a credential or a person's data if an unexpected error or a request object
 * reaches the log: a body-parser error keeps the raw body, a CSV parse error the raw record, a
 * request its Authorization header. Defence in depth: call sites log ids and counts, never bodies.
 */
export const REDACTED_PATHS: readonly string[] = [
  'authorization', '*.authorization', 'req.headers.authorization', 'req.headers.cookie', 'req.body',
  'err.body', 'err.raw', 'err.record', 'err.input', 'err.cause.body', 'err.cause.raw', 'err.cause.record',
  'body', 'raw', 'token', '*.token',
];

/** The register's logger: JSON lines (pino) with the redaction above; `destination` for tests. */
export const registerLogger = (level: Level | 'silent', destination?: DestinationStream): Logger =>
  pino({ level, base: { service: 'register' }, redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' } }, destination);
