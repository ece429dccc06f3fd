/**
 * The one typed API between the renderer and the main side. Every method has a zod schema for its request and
 * its response; both transports (Electron IPC and the loopback HTTP bridge) validate with them and call the
 * same main-side handlers.
 */
import { z } from 'zod';
import { annotationsSchema } from '../model/annotations';
import { findingSchema } from '../model/finding';
import { reportSchema } from '../model/report';
import { appSettingsSchema } from '../model/settings';

export const documentIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export const documentSummarySchema = z.object({
  id: documentIdSchema,
  /** Absolute path on the main side (shown to the reviewer, never trusted from the renderer for file access). */
  path: z.string(),
  name: z.string(),
  fileType: z.enum(['docx', 'doc', 'pdf']),
  status: z.enum(['pending', 'checked', 'unreadable']),
  organ: z.string().nullable(),
  year: z.number().nullable(),
  counts: z.object({ error: z.number(), warning: z.number(), info: z.number() }),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  reviewState: z.enum(['unreviewed', 'inProgress', 'done']),
  verdict: z.enum(['通过', '需整改', '退回']).nullable(),
  /** What the dashboard shows and draws (added for the batch dashboard; absent from older main sides). */
  organKind: z.enum(['department', 'government', 'township', 'other']).nullable().optional(),
  /** Findings by rule id. */
  ruleCounts: z.record(z.string(), z.number()).optional(),
  /** Table 3 totals (column 总计) of the rows the charts sum, by row id (`newReceived`, `granted`, `denied.*`…). */
  table3Totals: z.record(z.string(), z.number().nullable()).optional(),
  /** Last year's report of the same organ among the session's documents. */
  previousId: z.string().nullable().optional(),
  /** The reports chosen as this government's subordinate organs (HIERARCHY-SUM). */
  subordinateIds: z.array(z.string()).optional(),
});
export type DocumentSummary = z.infer<typeof documentSummarySchema>;

const sourceRefSchema = z.union([
  z.object({ kind: z.literal('docx'), table: z.number(), row: z.number(), cell: z.number() }),
  z.object({ kind: z.literal('docx-paragraph'), paragraph: z.number() }),
  z.object({ kind: z.literal('pdf'), page: z.number(), box: z.tuple([z.number(), z.number(), z.number(), z.number()]) }),
]);

export const cellReadingSchema = z.object({
  id: z.string(),
  status: z.enum(['ok', 'blank', 'bad', 'missing', 'notInFormat', 'unreadable']),
  value: z.number().nullable(),
  raw: z.string().nullable(),
  source: sourceRefSchema.optional(),
  ocr: z.boolean().optional(),
  correctedFrom: z
    .object({ status: z.string(), value: z.number().nullable(), raw: z.string().nullable() })
    .optional(),
});

export const annotationsInfoSchema = z.object({
  /** Where the sidecar is (or will be) written. */
  path: z.string(),
  /** The document's folder is read-only: notes go to the app's data folder instead. */
  fallback: z.boolean(),
  /** Why the reviewer must be told something about the sidecar, if anything. */
  warning: z.enum(['documentChanged', 'invalidSidecar', 'newerVersion']).nullable(),
  message: z.string().nullable(),
});

export const documentReviewSchema = z.object({
  summary: documentSummarySchema,
  report: reportSchema.nullable(),
  findings: z.array(findingSchema.extend({ key: z.string() })),
  cells: z.record(z.string(), cellReadingSchema),
  sections: z.array(z.object({ id: z.string(), heading: z.string().nullable(), text: z.string() })),
  annotations: annotationsSchema,
  annotationsInfo: annotationsInfoSchema,
  sha256: z.string(),
  previousFile: z.string().nullable(),
});
export type DocumentReview = z.infer<typeof documentReviewSchema>;

export const originalSchema = z.discriminatedUnion('kind', [
  /** PDF: the renderer fetches the bytes from the transport's document URL and renders them with pdf.js. */
  z.object({ kind: z.literal('pdf'), pageCount: z.number().nullable() }),
  /**
   * Word: mammoth's HTML. `cellMap[t][r]` lists, for table t (document order) and row r, the w:tc index of
   * each <td> mammoth kept, so a SourceRef {table, row, cell} finds its <td>.
   */
  z.object({ kind: z.literal('html'), html: z.string(), cellMap: z.array(z.array(z.array(z.number()))) }),
  z.object({ kind: z.literal('none'), message: z.string() }),
]);
export type Original = z.infer<typeof originalSchema>;

export const recentFileSchema = z.object({ path: z.string(), name: z.string(), openedAt: z.string() });

const idRequest = z.object({ id: documentIdSchema });

/** OCR of a scanned PDF asked for by the reviewer (startOcr), read on a worker in the background. */
export const ocrProgressSchema = z.object({
  state: z.enum(['idle', 'running', 'done', 'failed']),
  /** The page being read (1-based) and how far into its table cells. */
  page: z.number().nullable(),
  cells: z.number(),
  totalCells: z.number(),
  /** When done: how many of the report's values were read by OCR. */
  ocrValues: z.number(),
  /** What went wrong, or what the reviewer should know (Chinese). */
  message: z.string().nullable(),
});
export type OcrProgressView = z.infer<typeof ocrProgressSchema>;

export const batchIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export const batchProgressSchema = z.object({
  batchId: batchIdSchema,
  done: z.number(),
  total: z.number(),
  /** The file being checked ('' between files and at the end). */
  current: z.string(),
  /** Estimated seconds left; null until the first file is done. */
  etaSeconds: z.number().nullable(),
  finished: z.boolean(),
  cancelled: z.boolean(),
  /** The batch resumes one a previous run of the app left unfinished (a crash, or the app closed mid-batch). */
  resumed: z.boolean().optional(),
  /** Files of the batch that came from the result cache rather than being read again. */
  cached: z.number().optional(),
});
export type BatchProgress = z.infer<typeof batchProgressSchema>;

export const exportResultSchema = z.object({
  /** Where the file was written; null when the reviewer cancelled the save dialog. */
  path: z.string().nullable(),
  /** Every file written (CSV: one per sheet, the first is `path`). */
  paths: z.array(z.string()),
  /** HTTP bridge only: the route from which the browser downloads it (token still required). */
  downloadUrl: z.string().nullable(),
});
export type ExportResult = z.infer<typeof exportResultSchema>;

/** One report on the batch summary sheet (批次汇总表). */
export const batchSheetRowSchema = z.object({
  id: documentIdSchema,
  name: z.string(),
  organ: z.string().nullable(),
  organKind: z.enum(['department', 'government', 'township', 'other']).nullable(),
  year: z.number().nullable(),
  fileType: z.enum(['docx', 'doc', 'pdf']),
  status: z.enum(['pending', 'checked', 'unreadable']),
  errors: z.number(),
  warnings: z.number(),
  reviewState: z.enum(['unreviewed', 'inProgress', 'done']),
  verdict: z.enum(['通过', '需整改', '退回']).nullable(),
  /** The reviewer who signed the verdict. */
  reviewer: z.string().nullable(),
  /** The main problems in a few Chinese words (rules broken, errors first; dismissed findings left out). */
  problems: z.string(),
});
export type BatchSheetRow = z.infer<typeof batchSheetRowSchema>;

export const batchSheetSchema = z.object({
  /** The reviewing office and reviewers of the settings. */
  office: z.string(),
  reviewers: z.array(z.string()),
  /** When the sheet was drawn up (ISO). */
  generatedAt: z.string(),
  rows: z.array(batchSheetRowSchema),
});
export type BatchSheet = z.infer<typeof batchSheetSchema>;

/** Method name → request and response schemas. */
export const API = {
  listSession: { request: z.object({}), response: z.object({ documents: z.array(documentSummarySchema) }) },
  openPaths: { request: z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(10_000) }), response: z.object({ documents: z.array(documentSummarySchema) }) },
  pickFiles: { request: z.object({ folder: z.boolean() }), response: z.object({ documents: z.array(documentSummarySchema) }) },
  openSample: { request: z.object({}), response: z.object({ document: documentSummarySchema }) },
  recentFiles: { request: z.object({}), response: z.object({ files: z.array(recentFileSchema) }) },
  getReview: { request: idRequest, response: documentReviewSchema },
  getOriginal: { request: idRequest, response: originalSchema },
  saveAnnotations: { request: z.object({ id: documentIdSchema, annotations: annotationsSchema }), response: documentReviewSchema },
  printSheet: { request: z.object({ id: documentIdSchema, mode: z.enum(['print', 'pdf']) }), response: z.object({ pdfPath: z.string().nullable() }) },
  /** The batch summary sheet's content: every report of the session, the office and reviewers. */
  batchSheet: { request: z.object({}), response: batchSheetSchema },
  /** Prints the batch summary sheet, or saves it as PDF (Electron: a save dialog; null when cancelled). */
  printBatchSheet: { request: z.object({ mode: z.enum(['print', 'pdf']) }), response: z.object({ pdfPath: z.string().nullable() }) },
  /** Paths picked in a native dialog, not opened (the renderer then starts a batch with them). */
  pickPaths: { request: z.object({ folder: z.boolean() }), response: z.object({ paths: z.array(z.string()) }) },
  /** Opens files and folders at once as pending documents and checks them in the background. */
  startBatch: {
    request: z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(10_000) }),
    response: z.object({ batchId: batchIdSchema, documents: z.array(documentSummarySchema) }),
  },
  batchProgress: { request: z.object({ batchId: batchIdSchema }), response: batchProgressSchema },
  cancelBatch: { request: z.object({ batchId: batchIdSchema }), response: batchProgressSchema },
  /**
   * The latest batch (running or not; null before the first): a renderer that loads or reloads follows it again.
   * `notice`: what the reviewer should be told about the start (an unfinished batch that could not be resumed).
   */
  currentBatch: { request: z.object({}), response: z.object({ batch: batchProgressSchema.nullable(), notice: z.string().nullable() }) },
  exportWorkbook: { request: z.object({ format: z.enum(['xlsx', 'csv']) }), response: exportResultSchema },
  getSettings: { request: z.object({}), response: z.object({ settings: appSettingsSchema, path: z.string() }) },
  saveSettings: { request: z.object({ settings: appSettingsSchema }), response: z.object({ settings: appSettingsSchema, path: z.string() }) },
  /** HIERARCHY-SUM: the subordinate organs' reports of a government's report (ids of the session's documents). */
  setSubordinates: { request: z.object({ id: documentIdSchema, subordinateIds: z.array(documentIdSchema).max(500) }), response: z.object({ document: documentSummarySchema }) },
  /** Reads a scanned PDF's pages by OCR in the background (the reviewer asked); progress by `ocrProgress`. */
  startOcr: { request: idRequest, response: ocrProgressSchema },
  ocrProgress: { request: idRequest, response: ocrProgressSchema },
  /** Sets last year's report by hand (null: back to automatic pairing). */
  setPrevious: { request: z.object({ id: documentIdSchema, previousId: documentIdSchema.nullable() }), response: z.object({ document: documentSummarySchema }) },
} as const;

export type ApiMethod = keyof typeof API;
export type ApiRequest<M extends ApiMethod> = z.infer<(typeof API)[M]['request']>;
export type ApiResponse<M extends ApiMethod> = z.infer<(typeof API)[M]['response']>;

/** What a transport offers the renderer: one call per method, validated on both sides. */
export interface ReviewApi {
  call<M extends ApiMethod>(method: M, request: ApiRequest<M>): Promise<ApiResponse<M>>;
  /** URL from which the renderer fetches a document's original bytes (PDF). */
  documentUrl(id: string): string;
  /** HTTP bridge: the full URL (with the token) of a download route the main side returned, e.g. an export. */
  downloadUrl?(route: string): string;
}

/** An error the main side reports to the renderer, with a Chinese message. */
export const apiErrorSchema = z.object({ code: z.string(), message: z.string() });
export type ApiError = z.infer<typeof apiErrorSchema>;

export const IPC_CHANNEL_PREFIX = 'nianbao:';
