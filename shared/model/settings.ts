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
