/** Reviewer settings that rules depend on, validated, with defaults. */
import { z } from 'zod';
import { RULE_IDS, SEVERITIES } from './ids';

const monthDay = z.string().regex(/^\d{2}-\d{2}$/);

export const ruleSettingSchema = z
  .object({ enabled: z.boolean().default(true), severity: z.enum(SEVERITIES).optional() })
  .strict();

export const checkSettingsSchema = z
  .object({
    /** Deadline (MM-DD of the following year) for 县级以上人民政府部门. Statutory: 01-31. */
    departmentDeadline: monthDay.default('01-31'),
    /** Deadline for a 县级以上地方人民政府's own report. Statutory: 03-31. */
    governmentDeadline: monthDay.default('03-31'),
    /** Deadline for townships, streets and other organs: set by the reviewing office. */
    otherDeadline: monthDay.default('01-31'),
    rules: z.partialRecord(z.enum(RULE_IDS), ruleSettingSchema).default({}),
  })
  .strict();

export type CheckSettings = z.infer<typeof checkSettingsSchema>;
export const DEFAULT_SETTINGS: CheckSettings = checkSettingsSchema.parse({});

/** The app's settings (settings.json in the data folder): the check settings and who reviews. */
export const appSettingsSchema = checkSettingsSchema.extend({
  /** The reviewing office (审核机关), printed on the sheet and the export. */
  office: z.string().max(200).default(''),
  /** The reviewers' names, offered when a verdict is signed. */
  reviewers: z.array(z.string().min(1).max(50)).max(100).default([]),
  /**
   * 扫描件文字识别: PDF pages without a text layer are read by OCR when files are opened or checked in a batch.
   * Off by default: OCR is slow and every value it reads must be checked against the original.
   */
  ocrScans: z.boolean().default(false),
});

export type AppSettings = z.infer<typeof appSettingsSchema>;
export const DEFAULT_APP_SETTINGS: AppSettings = appSettingsSchema.parse({});

/** Only the part the rules read (the app's extra fields stripped). */
export function checkSettingsOf(settings: AppSettings): CheckSettings {
  const { office: _office, reviewers: _reviewers, ocrScans: _ocrScans, ...check } = settings;
  return check;
}
