/** The JSON document `check --json` prints (spec/cli.md). */
import { z } from 'zod';
import { findingSchema } from './finding';
import { reportSchema } from './report';

export const checkedResultSchema = z
  .object({
    file: z.string(),
    status: z.literal('checked'),
    report: reportSchema,
    findings: z.array(findingSchema),
  })
  .strict();

export const unreadableResultSchema = z
  .object({
    file: z.string(),
    status: z.literal('unreadable'),
    error: z.object({ code: z.string(), message: z.string() }).strict(),
    findings: z.array(findingSchema).length(0),
  })
  .strict();

export const checkOutputSchema = z
  .object({
    tool: z.literal('nianbao-review'),
    version: z.string(),
    results: z.array(z.discriminatedUnion('status', [checkedResultSchema, unreadableResultSchema])),
  })
  .strict();

export type CheckOutput = z.infer<typeof checkOutputSchema>;
