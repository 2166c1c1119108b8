import { z } from 'zod';
import { text, version } from '../common/fields';
import { canonicalTimeZone, isValidCustomerCodeRule, isValidTimeZone } from './settings';

// Validation messages carried as keys, translated by the server (src/server/plugins/validation-messages.ts).
export const WORKSPACE_MSG = {
  codeRule: 'kehu.invalid_code_rule',
  timeZone: 'kehu.invalid_time_zone',
} as const;

export const customerCodeRule = z
  .string()
  .trim()
  .refine(isValidCustomerCodeRule, { message: WORKSPACE_MSG.codeRule });

export const timeZone = z
  .string()
  .trim()
  .refine(isValidTimeZone, { message: WORKSPACE_MSG.timeZone })
  .transform(canonicalTimeZone);

export const WorkspaceSchema = z
  .object({
    id: z.number(),
    name: z.string(),
    timeZone: z.string(),
    customerCodeRule: z.string(),
    /** The saved rule's counter today: the preview of the next code starts from it. */
    customerCodeCounter: z.object({ period: z.string(), next: z.number() }),
    version: z.number(),
  })
  .meta({ id: 'Workspace' });
export type Workspace = z.infer<typeof WorkspaceSchema>;

export const UpdateWorkspaceSchema = z
  .object({
    name: text(100).optional(),
    timeZone: timeZone.optional(),
    customerCodeRule: customerCodeRule.optional(),
    version,
  })
  .strict()
  .meta({ id: 'UpdateWorkspace' });
export type UpdateWorkspace = z.infer<typeof UpdateWorkspaceSchema>;
