import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startDailyClock, type DailyClock } from './daily.js';

// Architecture decision 7: a tick at every JST day boundary. Time here is vitest's fake clock.

const logger = pino({ level: 'silent' });
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
let skewMs = 0;
const clock = (): string => new Date(Date.now() + skewMs).toISOString();
let daily: DailyClock | null = null;

beforeEach(() => {
  skewMs = 0;
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2027-01-10T23:59:00+09:00'));
});
afterEach(async () => {
  await daily?.stop();
  daily = null;
  vi.useRealTimers();
});

const recorder = () => {
  const ticks: string[] = [];
  return { ticks, runTick: async (asOf: string) => void ticks.push(asOf) };
};

describe('startDailyClock', () => {
  it('arms for the next 00:00 JST and ticks as of the day that begins (CAN-3: a ground "from" D arises at 00:00 of D)', async () => {
    const { ticks, runTick } = recorder();
    daily = startDailyClock({ runTick, clock, logger });
    expect(daily.nextTickAt()).toBe('2027-01-11T00:00:00.000+09:00');
    await vi.advanceTimersByTimeAsync(MINUTE - 1);
    expect(ticks).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(ticks).toEqual(['2027-01-11']);
    expect(daily.nextTickAt()).toBe('2027-01-12T00:00:00.000+09:00');
    await vi.advanceTimersByTimeAsync(DAY);
    expect(ticks).toEqual(['2027-01-11', '2027-01-12']);
  });

  it('finds the JST boundary from a UTC clock: 2027-01-10T15:30Z is already 00:30 on 11 January in Tokyo (DT-1)', () => {
    vi.setSystemTime(new Date('2027-01-10T15:30:00Z'));
    daily = startDailyClock({ runTick: recorder().runTick, clock, logger });
    expect(daily.nextTickAt()).toBe('2027-01-12T00:00:00.000+09:00');
  });

  it('never overlaps: a tick still running at the next boundary is followed by that day\'s tick, at once, when it ends', async () => {
    const ticks: string[] = [];
    let release: () => void = () => undefined;
    const runTick = (asOf: string): Promise<void> => {
      ticks.push(asOf);
      return ticks.length === 1 ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
    };
    daily = startDailyClock({ runTick, clock, logger });
    await vi.advanceTimersByTimeAsync(MINUTE + 2 * DAY);
    expect(ticks).toEqual(['2027-01-11']);
    release();
    for (let turn = 0; turn < 3; turn += 1) await vi.advanceTimersByTimeAsync(1); // each caught-up day is one timer turn (0 ms waits 1 ms in Node)
    expect(ticks).toEqual(['2027-01-11', '2027-01-12', '2027-01-13']);
    expect(daily.nextTickAt()).toBe('2027-01-14T00:00:00.000+09:00');
  });

  it('a timer that fires before the boundary by the injected clock waits for the rest', async () => {
    const { ticks, runTick } = recorder();
    daily = startDailyClock({ runTick, clock, logger });
    skewMs = -10_000; // the clock went back 10 s after arming
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(ticks).toEqual([]);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(ticks).toEqual(['2027-01-11']);
  });

  it('a failed tick is logged and the next boundary is still armed', async () => {
    const ticks: string[] = [];
    const runTick = async (asOf: string): Promise<void> => {
      ticks.push(asOf);
      if (ticks.length === 1) throw new Error('store unavailable');
    };
    const errors: unknown[] = [];
    const spy = pino({ level: 'error' }, { write: (line: string) => void errors.push(JSON.parse(line)) });
    daily = startDailyClock({ runTick, clock, logger: spy });
    await vi.advanceTimersByTimeAsync(MINUTE + DAY);
    expect(ticks).toEqual(['2027-01-11', '2027-01-12']);
    expect(errors).toMatchObject([{ msg: 'clock tick failed', asOf: '2027-01-11' }]);
  });

  it('runAtStart ticks at once as of today (JST), then at the next boundary', async () => {
    const { ticks, runTick } = recorder();
    daily = startDailyClock({ runTick, clock, logger, runAtStart: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(ticks).toEqual(['2027-01-10']);
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(ticks).toEqual(['2027-01-10', '2027-01-11']);
  });

  it('stop() waits for the tick in progress and disarms the timer', async () => {
    const ticks: string[] = [];
    let release: () => void = () => undefined;
    const runTick = (asOf: string): Promise<void> => {
      ticks.push(asOf);
      return new Promise<void>((resolve) => (release = resolve));
    };
    const clockUnderTest = startDailyClock({ runTick, clock, logger });
    await vi.advanceTimersByTimeAsync(MINUTE);
    let stopped = false;
    const stopping = clockUnderTest.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(clockUnderTest.nextTickAt()).toBeNull();
    await vi.advanceTimersByTimeAsync(2 * DAY);
    expect(ticks).toEqual(['2027-01-11']);
  });
});
