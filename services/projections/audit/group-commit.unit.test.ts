import { describe, expect, it } from 'vitest';
import { groupCommit } from './group-commit.js';

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A writer whose writes complete when the test says so. */
const controlledWriter = <T>() => {
  const writes: T[][] = [];
  const finish: ((error?: Error) => void)[] = [];
  const write = (items: readonly T[]): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      writes.push([...items]);
      finish.push((error) => (error === undefined ? resolve() : reject(error)));
    });
  /** Completes the oldest write still open. */
  const complete = async (error?: Error): Promise<void> => {
    finish.shift()?.(error);
    await turn();
  };
  return { writes, write, complete };
};

describe('group commit', () => {
  it('writes the adds of one turn of the loop in one write, in order, and settles them only after it', async () => {
    const writer = controlledWriter<string>();
    const group = groupCommit(writer.write);
    const settled: string[] = [];
    const adds = [['a1', 'a2'], ['b1'], ['c1']].map((items) => group.add(items).then(() => settled.push(items.join())));
    expect(writer.writes).toEqual([]);
    await turn();
    expect([writer.writes, settled]).toEqual([[['a1', 'a2', 'b1', 'c1']], []]);
    await writer.complete();
    await Promise.all(adds);
    expect(settled).toEqual(['a1,a2', 'b1', 'c1']);
  });

  it('keeps one write in flight: what is added meanwhile is the next group', async () => {
    const writer = controlledWriter<number>();
    const group = groupCommit(writer.write);
    const first = group.add([1]);
    await turn();
    const rest = [group.add([2]), group.add([3])];
    await turn();
    expect(writer.writes).toEqual([[1]]);
    await writer.complete();
    await first;
    expect(writer.writes).toEqual([[1], [2, 3]]);
    await writer.complete();
    await Promise.all(rest);
  });

  it('rejects every add of a group whose write fails, with its error; the next group is written', async () => {
    const writer = controlledWriter<string>();
    const group = groupCommit(writer.write);
    const failed = Promise.allSettled([group.add(['a']), group.add(['b'])]);
    await turn();
    await writer.complete(new Error('disk I/O error'));
    expect((await failed).map((o) => (o.status === 'rejected' ? String(o.reason) : o.status))).toEqual(['Error: disk I/O error', 'Error: disk I/O error']);
    const next = group.add(['c']);
    await turn();
    await writer.complete();
    await next;
    expect(writer.writes).toEqual([['a', 'b'], ['c']]);
  });

  it('puts at most maxGroup items in one write, never splitting an add', async () => {
    const writer = controlledWriter<number>();
    const group = groupCommit(writer.write, { maxGroup: 3 });
    const adds = [group.add([1, 2]), group.add([3]), group.add([4]), group.add([5, 6, 7, 8])];
    await turn();
    await writer.complete();
    await writer.complete();
    await writer.complete();
    await Promise.all(adds);
    expect(writer.writes).toEqual([[1, 2, 3], [4], [5, 6, 7, 8]]);
  });

  it('resolves an empty add without writing', async () => {
    const writer = controlledWriter<number>();
    await groupCommit(writer.write).add([]);
    await turn();
    expect(writer.writes).toEqual([]);
  });

  it('close hands what is queued to the writer at once, even with a write in flight, then refuses adds', async () => {
    const writer = controlledWriter<string>();
    const group = groupCommit(writer.write);
    const first = group.add(['a']);
    await turn();
    const queued = Promise.allSettled([group.add(['b'])]);
    group.close();
    expect(writer.writes).toEqual([['a'], ['b']]);
    await writer.complete();
    await writer.complete(new Error('closed before the write was confirmed'));
    await expect(first).resolves.toBeUndefined();
    expect((await queued).map((o) => (o.status === 'rejected' ? String(o.reason) : o.status))).toEqual(['Error: closed before the write was confirmed']);
    await expect(group.add(['c'])).rejects.toThrow(/closed/);
  });
});
