/**
 * The reviewer's annotations of one document, saved beside it as `<file name>.review.json`. They refer to
 * canonical cell ids and rule ids only (never to screen positions), so they survive a better extractor.
 */
import { z } from 'zod';
import { RULE_IDS } from './ids';

export const ANNOTATIONS_VERSION = 1;

export const VERDICTS = ['通过', '需整改', '退回'] as const;
export type Verdict = (typeof VERDICTS)[number];

const isoDateTime = z.string().min(10);

export const findingDecisionSchema = z
  .object({
    decision: z.enum(['confirmed', 'dismissed']).nullable(),
    note: z.string().max(10_000).default(''),
    updatedAt: isoDateTime,
  })
  .strict();

export const cellCorrectionSchema = z
  .object({
    /** The corrected value; null: the reviewer says the cell is really empty. */
    value: z.number().nonnegative().nullable(),
    /** The value as the extractor read it, kept for the record. */
    originalValue: z.number().nullable(),
    originalRaw: z.string().nullable(),
    note: z.string().max(10_000).default(''),
    updatedAt: isoDateTime,
  })
  .strict();

export const annotationsSchema = z
  .object({
    version: z.literal(ANNOTATIONS_VERSION),
    /** The file name (not a path: paths in a sidecar are never trusted). */
    fileName: z.string(),
    /** SHA-256 of the document the annotations were made on. */
    documentSha256: z.string().regex(/^[0-9a-f]{64}$/),
    /** Per finding, keyed by `findingKey()`: rule id and place. */
    findings: z.record(z.string(), findingDecisionSchema).default({}),
    /** A note on any cell, keyed by canonical cell id. */
    cellNotes: z.record(z.string(), z.string().max(10_000)).default({}),
    /** Corrected values of misread cells, keyed by canonical cell id. */
    corrections: z.record(z.string(), cellCorrectionSchema).default({}),
    verdict: z
      .object({
        value: z.enum(VERDICTS).nullable(),
        comment: z.string().max(20_000).default(''),
        reviewer: z.string().max(200).default(''),
        date: z.string().nullable().default(null),
      })
      .strict()
      .default({ value: null, comment: '', reviewer: '', date: null }),
    updatedAt: isoDateTime,
  })
  .strict();

export type Annotations = z.infer<typeof annotationsSchema>;
export type FindingDecision = z.infer<typeof findingDecisionSchema>;
export type CellCorrection = z.infer<typeof cellCorrectionSchema>;

/** The stable key of a finding in the sidecar: its rule id and place. */
export function findingKey(finding: { rule: (typeof RULE_IDS)[number]; table?: string; row?: string; column?: string; group?: string; section?: string }): string {
  return [finding.rule, finding.table, finding.row, finding.column, finding.group, finding.section].map((part) => part ?? '').join('|');
}

export function emptyAnnotations(fileName: string, documentSha256: string, now = new Date().toISOString()): Annotations {
  return annotationsSchema.parse({ version: ANNOTATIONS_VERSION, fileName, documentSha256, updatedAt: now });
}
