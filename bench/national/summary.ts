import { LIMITS } from './limits.js';
import type { NationalResults } from './run.js';
import type { TargetCheck } from './targets.js';

const n = (value: number): string => value.toLocaleString('en', { maximumFractionDigits: 3 });

const table = (header: readonly string[], rows: readonly (readonly string[])[]): string =>
  [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

const phaseRows = (r: NationalResults): string[][] => {
  const p = r.phases;
  const rows: string[][] = [
    ['(a) command path (decide + durable append, 1 command/transaction)', `${n(p.commandPath.commandsPerSecond)} commands/s (${n(p.commandPath.eventsPerSecond)} events/s) over ${n(p.commandPath.seconds)} s`, `p50 ${n(p.commandPath.latencyMs.p50)} ms, p99 ${n(p.commandPath.latencyMs.p99)} ms, max ${n(p.commandPath.latencyMs.max)} ms`],
    [`(b) bulk import (decide through the command handler in ${n(p.bulkImport.workers)} worker threads, \`appendMany\` per ${n(r.parameters.importBatch)} residents)`, `${n(p.bulkImport.eventsPerSecond)} events/s end to end; append alone ${n(p.bulkImport.appendEventsPerSecond)} events/s`, `${n(p.bulkImport.events)} events, ${n(p.bulkImport.residents)} residents (${n(p.bulkImport.eventsPerResident)} events each), ${n(p.bulkImport.seconds)} s (decide ${n(p.bulkImport.decideSeconds)} s of thread time summed over the workers, append ${n(p.bulkImport.appendSeconds)} s), ${n(p.bulkImport.rejected)} refused`],
    ['(c) full projection rebuild', `${n(p.rebuild.eventsPerSecond)} events/s`, `${n(p.rebuild.events)} events in ${n(p.rebuild.seconds)} s`],
    ['(d) append → status view, steady load', `${n(p.visibilityLag.events / Math.max(p.visibilityLag.seconds, 1e-3))} events/s (${n(p.visibilityLag.targetRate)} commands/s offered)`, `lag p50 ${n(p.visibilityLag.lagMs.p50)} ms, p99 ${n(p.visibilityLag.lagMs.p99)} ms, max ${n(p.visibilityLag.lagMs.max)} ms; ${n(p.visibilityLag.unseen)} unseen; live catch-up before it ${n(p.visibilityLag.catchUp.events)} events at ${n(p.visibilityLag.catchUp.eventsPerSecond)} events/s`],
  ];
  if (p.graphql !== null) {
    const g = p.graphql;
    Object.entries(g.queries).forEach(([name, q]) => rows.push([
      `(e) GraphQL \`${name}\` (${n(g.targetRate)} req/s offered, writer ${n(g.writes.commandsPerSecond)} commands/s)`,
      `${n(q.requestsPerSecond)} req/s`, `p50 ${n(q.p50Ms)} ms, p99 ${n(q.p99Ms)} ms, max ${n(q.maxMs)} ms, ${n(q.failed)} failed`,
    ]));
  }
  const tick = p.clockTick;
  rows.push([
    tick.selection === 'due' ? '(f) daily clock tick (the residents the deadline index has due)' : '(f) clock tick over every resident in the log',
    `${n(tick.residentsPerSecond)} residents/s`,
    `${n(tick.residentsExamined)} residents in ${n(tick.seconds)} s (selecting them ${n(tick.selectSeconds)} s), ${n(tick.eventsAppended)} events appended`,
  ]);
  const f = p.footprint;
  rows.push(['(g) footprint', `register.db ${n(Math.round(f.registerDbBytesPerMillionEvents / 2 ** 20))} MiB per million events`, `register.db ${n(Math.round(f.registerDbBytes / 2 ** 20))} MiB for ${n(f.logEvents)} events; projections.db ${n(Math.round(f.projectionsDbBytes / 2 ** 20))} MiB; bench process peak RSS ${n(f.benchPeakRssMiB)} MiB${p.graphql === null ? '' : `; serving RSS idle ${n(p.graphql.servingRssMiB.idle)} MiB, peak ${n(p.graphql.servingRssMiB.peak)} MiB`}`]);
  return rows;
};

const rerunNote = (r: NationalResults): string[] => {
  const rerun = Object.entries(r.attempts).filter(([, times]) => times > 1);
  if (rerun.length === 0) return [];
  // The bulk import continues where it stopped; every other phase starts over.
  const attempt = ([name, times]: [string, number]): string =>
    `${name} (${times} attempts; ${name === 'bulk import' ? "its figures add up every attempt's batches, its wall time is the last attempt's" : "the figures are the last attempt's"})`;
  return ['', `Resumed run (started ${r.startedAt}): interrupted — ${rerun.map(attempt).join(', ')}. The bulk import resumes after its last committed batch; the other phases start over.`];
};

/** The Markdown summary written beside the JSON: figures, targets with their gaps, and what limits them. */
export const renderSummary = (r: NationalResults, checks: readonly TargetCheck[]): string => {
  const m = r.machine;
  const missed = checks.filter((c) => !c.met);
  return [
    `# National-scale benchmark, tier ${r.parameters.tier} (${n(r.parameters.residents)} residents)`,
    '',
    `Measured ${r.measuredAt} on ${m.cores} cores (${m.cpuModel}), ${m.memoryGiB} GiB, Node ${m.node}, ${m.platform}. ` +
      `Load average ${m.loadAverageAtStart.join(' / ')} at start, ${m.loadAverageAtEnd.join(' / ')} at the end: the cores were shared with other work, so every figure is a lower bound. ` +
      `Seed \`${r.parameters.seed}\`, legal date ${r.parameters.asOf}. \`npm run bench -- --tier ${r.parameters.tier}\`; details in bench/README.md.`,
    '',
    '## Figures',
    '',
    table(['phase', 'rate', 'detail'], phaseRows(r)),
    '',
    '## Targets (issue 8 §3: tier L on 2 cores)',
    '',
    table(['figure', 'target', 'measured', 'tier L (extrapolated)', 'met', 'gap', 'basis'],
      checks.map((c) => [c.figure, c.target, c.measured, c.atTierL ?? '—', c.met ? 'yes' : 'no', c.met ? '—' : `${n(c.gapFactor)}×`, c.basis])),
    '',
    ...(missed.length === 0 ? ['Every target met.'] : ['## What limits the missed ones, and the next step', '', ...missed.map((c) => `- **${c.figure}** (${c.gapFactor}× short): ${LIMITS[c.figure] ?? 'not profiled yet.'}`)]),
    '',
    `Wall time per phase (s): ${Object.entries(r.wallSeconds).map(([k, v]) => `${k} ${n(v)}`).join(', ')}.`,
    '',
    `Load average (1 / 5 / 15 min) at the end of each phase: ${Object.entries(r.loadAtEnd).map(([k, v]) => `${k} ${v.join(' / ')}`).join('; ')}.`,
    ...rerunNote(r),
    '',
  ].join('\n');
};
