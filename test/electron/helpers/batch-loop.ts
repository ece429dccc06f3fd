/**
 * Child process of the kill-during-batch test: a session over a data folder that resumes the unfinished batch
 * (or, with --start, starts one over the folder), prints each file of the batch as it settles (`file cached|read
 * <path>`, once its cache entry is written), and meanwhile saves the notes of checked documents again and again,
 * each time with the next number in the verdict comment (`saving <path> <n>` before, `saved <path> <n>` after).
 * Ends with `finished <done> <cached>` when the batch is done. Stdout is a pipe: on Linux each write is
 * synchronous, so what is printed before a SIGKILL reaches the parent.
 */
import { Session } from '../../../electron/session/session';
import { DEFAULT_SETTINGS } from '../../../shared/model/settings';

const [dataDir, folder, firstNumber, ...flags] = process.argv.slice(2);
const print = (line: string) => process.stdout.write(`${line}\n`);
let next = Number(firstNumber);

const session = new Session({
  dataDir,
  settings: DEFAULT_SETTINGS,
  onBatchFile: (event) => print(`file ${event.cached ? 'cached' : 'read'} ${event.path}`),
});

const resumed = await session.resumeUnfinishedBatch();
let batchId: string;
if (resumed) {
  batchId = resumed.batchId;
  print(`resumed ${resumed.documents.length}`);
} else if (flags.includes('--start')) {
  batchId = (await session.startBatch([folder])).batchId;
  print('started');
} else {
  print('nothing to resume');
  process.exit(0);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function saveOnce(): Promise<void> {
  const checked = session.list().filter((document) => document.status === 'checked');
  if (checked.length === 0) return;
  const document = checked[Math.floor(Math.random() * checked.length)];
  const { annotations } = await session.getReview(document.id);
  const n = next++;
  print(`saving ${document.path} ${n}`);
  const padding = 'x'.repeat((n * 7919) % 6_000);
  await session.saveAnnotations(document.id, { ...annotations, verdict: { ...annotations.verdict, comment: String(n) }, cellNotes: { 'table3.granted.total': padding } });
  print(`saved ${document.path} ${n}`);
}

for (;;) {
  const progress = session.batchProgress(batchId);
  if (progress.finished) {
    print(`finished ${progress.done} ${progress.cached ?? 0}`);
    break;
  }
  await saveOnce();
  await sleep(15);
}
process.exit(0);
