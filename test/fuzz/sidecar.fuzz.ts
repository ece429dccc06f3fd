/**
 * Random sidecars beside a real report, read and written through the session and the API as the app does:
 * valid notes, notes with hostile values (“__proto__” and “constructor” keys, fractions and huge numbers as
 * corrections, paths as file names, extra fields naming other paths), broken JSON, numbered sidecars. Loading
 * must give the review (the contract validates it) and saving must succeed or fail with a Chinese message;
 * no file is touched but the document, its sidecars and the data folder.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnnotationStore } from '../../electron/annotations/annotation-store';
import { callApi, createHandlers, type Platform } from '../../electron/api/handlers';
import { Session } from '../../electron/session/session';
import { allCanonicalCellIds } from '../../shared/model/ids';
import { familyMillis, familySeed, recordCount, tally } from './support/config';
import { corpusBytes } from './support/corpus';
import { FsGuard, type Access } from './support/fs-guard';
import { SENTINEL } from './support/hostile-docx';
import { clearMessageProblem } from './support/outcome';
import { checkAsyncTimeBoxed } from './support/property';
import { hostileString } from './support/strings';

const FAMILY = 'sidecar';
/** For a review loaded and notes saved (a sidecar of a few megabytes included). */
const MAX_MILLIS = 10_000;
const REPOSITORY = resolve(import.meta.dirname, '..', '..');
const noPlatform: Platform = { pickPaths: async () => [], printSheet: async () => null };

const CELL_IDS = allCanonicalCellIds();
/** The SHA-256 of the report used (test/fixtures/corpus/d02_docx.docx), for notes made on it as it is. */
const CURRENT_SHA256 = createHash('sha256').update(corpusBytes('d02_docx.docx')).digest('hex');
const ISO = '2024-03-01T08:00:00.000Z';

const key = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...CELL_IDS) },
  { weight: 1, arbitrary: fc.constantFrom('constructor', 'toString', 'hasOwnProperty', 'valueOf', 'table3.granted', 'T3-ROW-SUM|table3|granted|total||', '') },
  { weight: 1, arbitrary: hostileString },
);
const number = fc.oneof(fc.nat({ max: 500 }), fc.constantFrom(0, 0.5, 1e308, Number.MAX_SAFE_INTEGER, 2 ** 60, 1e-9), fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }));
const text = fc.oneof(fc.constant(''), hostileString);

const correction = fc.record({ value: fc.oneof(fc.constant(null), number), originalValue: fc.oneof(fc.constant(null), number), originalRaw: fc.oneof(fc.constant(null), text), note: text.map((note) => note.slice(0, 10_000)), updatedAt: fc.constant(ISO) });
const decision = fc.record({ decision: fc.constantFrom('confirmed' as const, 'dismissed' as const, null), note: text.map((note) => note.slice(0, 10_000)), updatedAt: fc.constant(ISO) });

/** Notes as the app writes them (valid, with hostile keys and values within the schema). */
const validNotes = fc.record({
  version: fc.constant(1),
  fileName: fc.oneof(fc.constant('report.docx'), fc.constantFrom(`../../${SENTINEL}/x.docx`, '/etc/passwd', 'C:\\Windows\\win.ini', `file:///${SENTINEL}`), hostileString),
  documentSha256: fc.constantFrom('0'.repeat(64), 'a'.repeat(64), 'current'),
  findings: fc.dictionary(key, decision, { maxKeys: 6 }),
  cellNotes: fc.dictionary(key, text.map((note) => note.slice(0, 10_000)), { maxKeys: 6 }),
  corrections: fc.dictionary(key, correction, { maxKeys: 8 }),
  verdict: fc.record({ value: fc.constantFrom('通过' as const, '需整改' as const, '退回' as const, null), comment: text.map((comment) => comment.slice(0, 20_000)), reviewer: text.map((name) => name.slice(0, 200)), date: fc.constantFrom(null, '2024-03-01') }),
  updatedAt: fc.constantFrom(ISO, '2099-12-31T00:00:00.000Z'),
});

/** One way of spoiling valid notes: a field naming another path, a wrong type, a newer version. */
const spoil = fc.oneof(
  fc.constant({ documentPath: `/tmp/${SENTINEL}/report.docx` }),
  fc.constant({ sidecarPath: `../../${SENTINEL}.review.json` }),
  fc.constant({ version: 2 }),
  fc.constant({ version: '1' }),
  fc.constant({ documentSha256: `../${SENTINEL}` }),
  fc.record({ corrections: fc.dictionary(key, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }) }),
  fc.record({ verdict: fc.jsonValue({ maxDepth: 2 }) }),
);

const notes = fc.tuple(validNotes, fc.oneof({ weight: 3, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: spoil })).map(([value, spoiled]) => ({ ...value, ...spoiled }));

/** The JSON text of a sidecar: the notes, perhaps with inherited-name keys written into it, cut or garbled. */
const sidecarText = fc
  .record({
    notes,
    protoKeys: fc.nat({ max: 4 }).map((n) => n === 0),
    damage: fc.oneof({ weight: 12, arbitrary: fc.constant('none') }, { weight: 1, arbitrary: fc.constantFrom('truncate', 'bom', 'garbage', 'deep', 'huge-note') }),
    cut: fc.nat(),
  })
  .map(({ notes: value, protoKeys, damage, cut }) => {
    let text = JSON.stringify(value).replace('"current"', `"${CURRENT_SHA256}"`);
    if (protoKeys) text = text.replace('"corrections":{', `"corrections":{"__proto__":{"value":7,"originalValue":0,"originalRaw":"0","updatedAt":"${ISO}"},`);
    if (protoKeys) text = text.replace('"cellNotes":{', '"cellNotes":{"__proto__":"x",');
    switch (damage) {
      case 'truncate':
        return text.slice(0, cut % (text.length + 1));
      case 'bom':
        return `\ufeff${text}`;
      case 'garbage':
        return `${text.slice(0, cut % (text.length + 1))}\u0000\ud800{[${text.slice(cut % (text.length + 1))}`;
      case 'deep':
        return `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
      case 'huge-note':
        return text.replace('"updatedAt":', `"comment":"${'注'.repeat(2_000_000)}","updatedAt":`);
      default:
        return text;
    }
  });

const runSpec = fc.record({
  beside: sidecarText,
  numbered: fc.array(sidecarText, { maxLength: 3 }),
  junkNumbered: fc.constantFrom(0, 0, 0, 101),
  fallback: fc.option(sidecarText, { nil: undefined }),
  save: fc.oneof({ weight: 4, arbitrary: validNotes }, { weight: 1, arbitrary: notes }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) }),
});

describe('fuzz: sidecars through the session and the API', () => {
  it('load and save or fail with a Chinese message, touching only the document, its sidecars and the data folder', async () => {
    const root = mkdtempSync(join(tmpdir(), 'nianbao-fuzz-sidecar-'));
    const documents = join(root, 'chosen');
    const dataDir = join(root, 'data');
    mkdirSync(documents, { recursive: true });
    const docPath = join(documents, 'report.docx');
    writeFileSync(docPath, corpusBytes('d02_docx.docx'));
    const session = new Session({ dataDir, settings: {} as never });
    const handlers = createHandlers(session, noPlatform);
    const opened = await callApi(handlers, 'openPaths', { paths: [docPath] });
    expect(opened.ok).toBe(true);
    const id = session.list()[0].id;
    const fallbackFolder = join(dataDir, 'annotations');

    const allowed = (access: Access): boolean => {
      const path = resolve(access.path);
      if ((path.startsWith(REPOSITORY + sep) || path.includes(`${sep}node_modules${sep}`)) && !path.includes(SENTINEL)) return true;
      if (path.includes(SENTINEL)) return false;
      if (path === docPath || path === documents) return true;
      if (dirname(path) === documents && /^\.?report\.docx\.review(?:\.\d+)?\.json(?:\.bak)?(?:\.\d+\.[0-9a-f]+\.tmp)?$/.test(path.slice(documents.length + 1))) return true;
      return !relative(dataDir, path).startsWith('..');
    };

    const seed = familySeed(FAMILY);
    const outcomes: Record<string, number> = {};
    let cases = 0;
    const started = performance.now();
    try {
      await checkAsyncTimeBoxed({ family: FAMILY, seed, millis: familyMillis(FAMILY) }, runSpec, async (spec) => {
        cases++;
        for (const name of readdirSync(documents)) if (name !== 'report.docx') rmSync(join(documents, name));
        rmSync(fallbackFolder, { recursive: true, force: true });
        writeFileSync(`${docPath}.review.json`, spec.beside);
        spec.numbered.forEach((text, i) => writeFileSync(`${docPath}.review.${i + 1}.json`, text));
        for (let n = spec.numbered.length + 1; n <= spec.numbered.length + spec.junkNumbered; n++) writeFileSync(`${docPath}.review.${n}.json`, '{');
        if (spec.fallback !== undefined) {
          mkdirSync(fallbackFolder, { recursive: true });
          writeFileSync(new AnnotationStore({ dataDir }).fallbackPath(docPath), spec.fallback);
        }
        const guard = new FsGuard();
        const began = performance.now();
        const [review, saved] = await guard.during(async () => {
          const loaded = await callApi(handlers, 'getReview', { id });
          return [loaded, await callApi(handlers, 'saveAnnotations', { id, annotations: spec.save })] as const;
        });
        if (performance.now() - began > MAX_MILLIS) throw new Error(`loading and saving took ${(performance.now() - began).toFixed(0)} ms`);
        if (!review.ok) throw new Error(`getReview failed: ${review.error.code} ${review.error.message}`);
        tally(outcomes, `load ${(review.value as { annotationsInfo: { warning: string | null } }).annotationsInfo.warning ?? 'ok'}`);
        if (saved.ok) tally(outcomes, 'saved');
        else {
          tally(outcomes, `save ${saved.error.code}`);
          if (!['BAD_REQUEST'].includes(saved.error.code)) throw new Error(`saveAnnotations failed: ${saved.error.code} ${saved.error.message}`);
          const problem = clearMessageProblem(saved.error.message.replace(/（saveAnnotations）：.*$/s, ''));
          if (problem) throw new Error(problem);
        }
        const outside = guard.accesses.filter((access) => !allowed(access));
        if (outside.length > 0) throw new Error(`touched outside: ${JSON.stringify(outside.slice(0, 5))}`);
        if (guard.connections.length > 0) throw new Error(`connected: ${guard.connections.join(', ')}`);
      });
    } finally {
      recordCount({ family: FAMILY, seed, cases, millis: performance.now() - started, outcomes });
    }
    expect(cases).toBeGreaterThan(0);
  });
});
