import { describe, expect, it } from 'vitest';
import { plainProgress, progressLine, summaryLine } from './rebuild-progress.js';

const at = (events: number) => ({ position: events, head: 5000, events, elapsedMs: events, eventsPerSecond: 1200 });

describe('register rebuild progress without a terminal', () => {
  it('writes at most one plain line a second', () => {
    const lines: string[] = [];
    let now = 0;
    const progress = plainProgress((text) => lines.push(text), () => now);
    progress.update(at(1000));
    now = 400;
    progress.update(at(2000));
    now = 1000;
    progress.update(at(3000));
    expect(lines).toEqual([progressLine(at(1000)), progressLine(at(3000))]);
    expect(lines[0]).toBe('rebuild: 1,000 events, position 1,000 of 5,000 (1,200 events/s)\n');
  });

  it('ends with the events, the seconds and the events per second', () => {
    expect(summaryLine({ events: 12345, seconds: 2.04, eventsPerSecond: 6051, checkpoint: 12400 }, '2026-07-01')).toBe(
      'rebuilt the read models as of 2026-07-01: 12,345 events in 2.0 s (6,051 events/s), checkpoint 12,400\n',
    );
  });
});
