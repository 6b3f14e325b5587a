import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { registerLogger } from './logger.js';

const captured = () => {
  const lines: string[] = [];
  const sink = new Writable({ write: (chunk: Buffer, _encoding, done) => { lines.push(chunk.toString('utf8')); done(); } });
  return { lines, logger: registerLogger('info', sink) };
};

describe('the register logger redacts what an unexpected error or request could carry (issue 9.4)', () => {
  it('hides a raw body, a raw CSV record and an Authorization header, keeps the message and the ids', () => {
    const { lines, logger } = captured();
    const error = Object.assign(new Error('parse failed'), { body: '{"name":"NGUYEN VAN AN"}', raw: 'NGUYEN VAN AN,1995-04-12', record: ['AB00000101CD'] });
    logger.error({ err: error, residentId: 'r-1', req: { headers: { authorization: 'Bearer officer-0001-token-4f9a2c7e' } } }, 'boom');
    const line = lines.join('');
    for (const secret of ['NGUYEN VAN AN', '1995-04-12', 'AB00000101CD', 'officer-0001-token-4f9a2c7e']) expect(line).not.toContain(secret);
    expect(line).toContain('parse failed');
    expect(line).toContain('"residentId":"r-1"');
  });
});
