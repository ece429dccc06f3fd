/**
 * Child process of the kill-during-save test: saves the notes of one document again and again, each time with
 * the next number in the verdict comment, and prints the number once the save has returned.
 */
import { AnnotationStore } from '../../../electron/annotations/annotation-store';

const [documentPath, dataDir, sha256] = process.argv.slice(2);
const store = new AnnotationStore({ dataDir });
const document = { path: documentPath, sha256 };

const { annotations } = await store.load(document);
let n = Number(annotations.verdict.comment || '0');
process.stdout.write('ready\n');
for (;;) {
  n++;
  const padding = 'x'.repeat((n * 7919) % 9_000);
  await store.save(document, { ...annotations, verdict: { ...annotations.verdict, comment: String(n) }, cellNotes: { 'table3.granted.total': padding } });
  process.stdout.write(`${n}\n`);
}
