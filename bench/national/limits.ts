/**
 * What limits each figure and the next step, from the profiles taken while building the benchmark
 * (`node --cpu-prof`; see bench/README.md). Printed beside every missed target in the summary.
 */
export const LIMITS: Record<string, string> = {
  'command path, commands/s':
    'Every command re-reads and re-parses the whole stream (zod + upcasting per event) and recomputes `statusAt` for the decision: O(events of the resident) per command. Next: a per-resident cache of parsed facts keyed by stream revision in the command handler, so a command parses only what is new; then profile `statusAt` (cancellationGrounds, cardRecordsAt).',
  'command path, p99':
    'A durable append is one fsync (WAL, synchronous=FULL) on a disk shared with other work; the tail is the fsync plus the decide of residents with long histories. Next: group commit (several commands per fsync, acknowledged after it).',
  'bulk import, events/s (decide + append)':
    'The append side alone (`appendMany`, one transaction per 500 residents) runs at the rate in appendEventsPerSecond; end to end is bound by decide (every command through the command handler, re-parsing the stream). Next: the parsed-facts cache; decide in worker threads sharded by resident index (the generator is shardable by firstIndex).',
  'full rebuild, total time':
    'Per batch of 2,000 events every touched resident is recomputed with `statusAt` over all its facts, re-parsed from resident_facts JSON. Next: sort the replay by resident (one recompute per resident for the whole rebuild instead of one per batch), parse each fact once, and rebuild in parallel by resident hash into separate files.',
  'visibility lag p99 at 100 events/s':
    'The live projector applies one event per transaction and recomputes the resident with `statusAt`; at 100 events/s it keeps up, so the lag is the recompute plus the subscription wake-up.',
  'clock tick over the population':
    'The first tick examines every resident: a stream read, parse and `plannedClockEvents` (the status function) each. Next: tick only the deadline index\'s due residents plus the changed ones (the daily clock in `register start` already does), and parse facts once per resident.',
  'resident(id) p50':
    'Profile of the serving process under `resident(id)` (2,000 residents, 8 connections unthrottled: 634 req/s, p50 9 ms): 28 % of its CPU time is the audit log\'s durable transaction per response (audit.db, synchronous=FULL: the fsync blocks the event loop), 7 % the resolver (today\'s answer from the status view since commit 2997724, other dates from the log), the rest Apollo\'s request pipeline, the complexity guard (3.5 %), `legalDateOf` through luxon per request (3.4 %) and HTTP. Next: group-commit the audit log (the records of concurrent responses in one fsync, off the event loop), compute `today` once per day.',
  'resident(id) p99': 'As p50, plus queueing once the offered rate exceeds what one process serves on the cores left, and the writer and the projector contending for the CPU and the disk.',
  'addressLapses page p99': 'A page of the lapse index (SQLite, indexed by municipality) plus the audit record of every resident on the page in one durable transaction; the 127-municipality population puts more rows in each municipality than ≈ 1,900 would.',
  'serving RSS (register start), peak': 'Node heap, SQLite page caches of the three files, Apollo.',
};
