import { describe, expect, it } from 'vitest';
import { createKeyedQueue } from './stream-queue.js';

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('createKeyedQueue: one command at a time per resident on a node (architecture decision 4)', () => {
  it('runs tasks of one key in arrival order, others in parallel, survives failures and forgets idle keys', async () => {
    const queue = createKeyedQueue();
    const log: string[] = [];
    const task = (name: string, ms: number, fail = false) => async () => {
      log.push(`start ${name}`);
      await later(ms);
      log.push(`end ${name}`);
      if (fail) throw new Error(name);
      return name;
    };
    const runs = [queue.run('a', task('a1', 20, true)), queue.run('a', task('a2', 1)), queue.run('b', task('b1', 5))];
    const results = await Promise.allSettled(runs);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    expect(log).toEqual(['start a1', 'start b1', 'end b1', 'end a1', 'start a2', 'end a2']);
    await later(0);
    expect(queue.size).toBe(0);
  });
});
