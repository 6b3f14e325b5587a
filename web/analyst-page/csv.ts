/**
 * CSV as RFC 4180 has it (CRLF line ends, fields with a comma, quote or line break quoted, quotes
 * doubled), with every cell that a spreadsheet would read as a formula (starting with = + - @, or a
 * tab or carriage return) prefixed with a single quote (OWASP "CSV injection").
 */

const FORMULA_START = /^[=+\-@\t\r]/;

export const csvCell = (value: string | number | boolean | null): string => {
  const text = value === null ? '' : String(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export const csvOf = (header: readonly string[], rows: readonly (readonly (string | number | boolean | null)[])[]): string =>
  [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
