/**
 * A worker thread that indexes shards (index-shard.ts) with a Pagefind process of its own, for
 * build-index.ts: a message is a ShardJob, the reply its ShardOutcome; null ends the worker.
 */
import { parentPort } from "node:worker_threads";
import { closeIndexer, indexShard, type ShardJob, type ShardOutcome } from "./index-shard.ts";

export type ShardReply = { outcome: ShardOutcome } | { error: string };

const port = parentPort!;
port.on("message", (job: ShardJob | null) => {
  if (job === null) {
    void closeIndexer().finally(() => port.close());
    return;
  }
  indexShard(job).then(
    (outcome) => port.postMessage({ outcome } satisfies ShardReply),
    (err: unknown) => port.postMessage({ error: (err as Error).message ?? String(err) } satisfies ShardReply),
  );
});
