import { z } from 'zod';
import { text, version } from '../common/fields';

export const CUSTOM_FIELD_TYPES = ['text', 'number', 'date', 'boolean', 'select'] as const;

export const CustomFieldDefSchema = z
  .object({
    id: z.number(),
    entity: z.enum(['customer']),
    key: z.string(),
    labelZh: z.string(),
    labelEn: z.string(),
    type: z.enum(CUSTOM_FIELD_TYPES),
    options: z.array(z.string()),
    required: z.boolean(),
    version: z.number(),
  })
  .meta({ id: 'CustomFieldDef' });

export const CreateCustomFieldDefSchema = z
  .object({
    entity: z.enum(['customer']).default('customer'),
    key: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]{0,49}$/),
    labelZh: text(100),
    labelEn: text(100),
    type: z.enum(CUSTOM_FIELD_TYPES),
    options: z.array(text(100)).max(100).default([]),
    required: z.boolean().default(false),
  })
  .strict()
  .meta({ id: 'CreateCustomFieldDef' });

export const UpdateCustomFieldDefSchema = z
  .object({
    labelZh: text(100).optional(),
    labelEn: text(100).optional(),
    options: z.array(text(100)).max(100).optional(),
    required: z.boolean().optional(),
    version,
  })
  .strict()
  .meta({ id: 'UpdateCustomFieldDef' });
