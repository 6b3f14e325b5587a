/**
 * What limits each figure and the next step, from the profiles taken while building the benchmark
 * (`node --cpu-prof`; see bench/README.md). Printed beside every missed target in the summary.
 */
export const LIMITS: Record<string, string> = {
  'command path, commands/s':
    'Per command: the stream read (parsed facts cached per store since the bulk-import work, so only new events are parsed), `decide` with `statusAt` over the resident\'s facts (≈ 20 % of the decide path\'s profile), turning the decided events into rows (event hash 8 %, UUID v5 event id 6 %, a JSON round-trip 6 %, validation 9 %), and one durable commit. Next: group commit (below), `statusAt` itself (cancellationGrounds, cardRecordsAt, stayAt), one validation of new events instead of two.',
  'command path, p99':
    'A durable append is one fsync (WAL, synchronous=FULL) on a disk shared with other work; the tail is the fsync plus the decide of residents with long histories. Next: group commit (several commands per fsync, acknowledged after it).',
  'bulk import, events/s (decide + append)':
    'Decide-bound: worker threads decide batches of residents (2 on this machine) while the main thread appends; per command `statusAt` inside `decide` and turning decided events into rows dominate (see the command path). The append alone slows as the log grows (random UUID v5 ids in the `event_id` unique index touch one index page per event). Next: `statusAt` cost, fewer per-event hashes and validations; a bulk-load mode for a fresh log (a larger page cache, the ids index built after the load).',
  'full rebuild, total time':
    'One thread replays the log: per resident the parse of each event on copy (≈ 13 %), `statusAt` (≈ 25 %), deflating the packed stream copy and status (≈ 15–18 %), the SQLite writes of the rows; reading the store ≈ 7.5 % (profile after the read-model storage v2). Next: the compute (parse, `statusAt`, rows, deflate) in worker threads while the main thread reads and writes; `statusAt` itself.',
  'visibility lag p99 at 100 events/s':
    'The live projector applies one event per transaction and recomputes the resident with `statusAt`; at 100 events/s it keeps up, so the lag is the recompute plus the subscription wake-up.',
  'clock tick over the population':
    'The daily tick examines the residents the read models name as due (deadlines, open lapse candidates, a status turning that day): per resident a stream read, parse and `plannedClockEvents` (the status function). On the first midnight after a migration the due set includes every resident whose migrated history still owes clock events. Next: parse facts once per resident (the command path\'s cache), `statusAt` cost, residents in parallel.',
  'resident(id) p50':
    'Each response that returns personal data waits for its audit record to be durable (INFO-2): group-committed on a writer thread since this work, so one fsync per group, but never less than one fsync (≈ 1–4 ms on this shared disk) — p50 ≤ 1 ms cannot be met with a durable audit per response here. Then `statusFromViewOrLog` (≈ 12 %: a backwards read of one event to check the view is fresh), Apollo\'s pipeline, Express routing (≈ 6 %).',
  'resident(id) p99': 'As p50, plus queueing once the offered rate exceeds what one process serves on the cores left, and the writer and the projector contending for the CPU and the disk.',
  'addressLapses page p99': 'A page of the lapse index (SQLite, indexed by municipality) plus the audit record of every resident on the page in one durable transaction; the 127-municipality population puts more rows in each municipality than ≈ 1,900 would.',
  'serving RSS (register start), peak': 'Node heap, SQLite page caches of the three files, Apollo.',
};
