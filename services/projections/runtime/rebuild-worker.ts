import { parentPort } from 'node:worker_threads';
import { gatherBlobs, runJob, type JobReply, type RebuildJob } from './rebuild-job.js';

/** A rebuild worker thread (rebuild-pool.ts): computes the jobs it is posted, one at a time, and posts the replies. */
const port = parentPort;
if (port === null) throw new Error('rebuild-worker.js runs as a worker thread of rebuild-pool.ts');

port.on('message', (job: RebuildJob) => {
  let reply: JobReply;
  try {
    reply = runJob(job);
  } catch (error) {
    reply = { kind: 'failed', name: 'Error', message: error instanceof Error ? error.message : String(error) };
  }
  if (reply.kind === 'failed') port.postMessage(reply);
  else port.postMessage(reply, [gatherBlobs(reply.changes)]);
});
