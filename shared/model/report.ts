/** Zod schema of the canonical report model (spec/report-model.md), exactly its JSON. */
import { z } from 'zod';
import { TABLE3_ROWS, type Table3Row } from './ids';

const count = z.number().int().nonnegative().nullable();
const fees = z.number().nonnegative().nullable();
const row7 = z.array(count).length(7);
const row5 = z.array(count).length(5);

const documentItem = z.object({ issued: count, repealed: count, inForce: count }).strict();

export const table2Schema = z
  .object({
    regulations: documentItem,
    normativeDocuments: documentItem,
    licensing: count,
    punishment: count,
    coercion: count,
    fees,
  })
  .strict();

const table3Shape = Object.fromEntries(TABLE3_ROWS.map((row) => [row, row7])) as Record<Table3Row, typeof row7>;
export const table3Schema = z.object(table3Shape).strict();

export const table3GroupsSchema = z
  .object({ denied: row7, unable: row7, notProcessed: row7, other: row7 })
  .partial()
  .strict();

export const table4Schema = z
  .object({ review: row5, litigationDirect: row5, litigationAfterReview: row5 })
  .strict();

export const reportSchema = z
  .object({
    format: z.enum(['2021', '2019']).nullable(),
    organ: z.string().nullable(),
    year: z.number().int().nullable(),
    signedDate: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .nullable(),
    table2: table2Schema,
    table3: table3Schema,
    table3Groups: table3GroupsSchema.optional(),
    table4: table4Schema,
  })
  .strict();

export type Report = z.infer<typeof reportSchema>;
export type Table2 = z.infer<typeof table2Schema>;
export type Table3 = z.infer<typeof table3Schema>;
export type Table3Groups = z.infer<typeof table3GroupsSchema>;
export type Table4 = z.infer<typeof table4Schema>;

/** A report with every value `null`: the starting point of extraction. */
export function emptyReport(): Report {
  const nulls = (n: number) => Array.from({ length: n }, () => null);
  const item = () => ({ issued: null, repealed: null, inForce: null });
  return {
    format: null,
    organ: null,
    year: null,
    signedDate: null,
    table2: {
      regulations: item(),
      normativeDocuments: item(),
      licensing: null,
      punishment: null,
      coercion: null,
      fees: null,
    },
    table3: Object.fromEntries(TABLE3_ROWS.map((row) => [row, nulls(7)])) as Table3,
    table4: { review: nulls(5), litigationDirect: nulls(5), litigationAfterReview: nulls(5) },
  };
}
