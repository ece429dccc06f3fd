/** Findings: what a rule says about a report. The JSON shape is that of spec/cli.md. */
import { z } from 'zod';
import { RULE_IDS, SECTIONS, SEVERITIES } from './ids';

const scalar = z.union([z.number(), z.string(), z.null()]);

export const findingSchema = z
  .object({
    rule: z.enum(RULE_IDS),
    severity: z.enum(SEVERITIES),
    table: z.enum(['table2', 'table3', 'table4']).optional(),
    row: z.string().optional(),
    column: z.string().optional(),
    group: z.string().optional(),
    section: z.enum(SECTIONS).optional(),
    expected: scalar.optional(),
    actual: scalar.optional(),
    message: z.string(),
    /** Canonical cell ids involved (e.g. `table3.granted.total`), for highlighting. */
    cells: z.array(z.string()).optional(),
    /** Where several findings share one likely cause, the cell id suspected of being wrong. */
    rootCause: z.string().optional(),
    /** The printed text of a bad or blank cell, or the prose a finding quotes. */
    raw: z.string().optional(),
    text: z.string().optional(),
    stated: z.number().optional(),
    inTable: z.number().optional(),
    signedDate: z.string().optional(),
    deadline: z.string().optional(),
    thisYear: z.number().optional(),
    lastYear: z.number().optional(),
    rows: z.array(z.string()).optional(),
    /** Several table-4 groups a stated number is the sum of (e.g. 行政诉讼 = both litigation groups). */
    groups: z.array(z.string()).optional(),
    pages: z.union([z.array(z.number()), z.literal('all')]).optional(),
    /** The file a cross-document finding compares with. */
    comparedWith: z.string().optional(),
  })
  .strict();

export type Finding = z.infer<typeof findingSchema>;
/** What a rule's check function returns: the engine adds the rule id and severity. */
export type FindingDraft = Omit<Finding, 'rule' | 'severity'>;
