import { z } from 'zod';
import { money, optionalText, text, version } from '../common/fields';
import { CursorSchema, LimitSchema } from '../common/pagination';

export const ProductSchema = z
  .object({
    id: z.number(),
    code: z.string(),
    name: z.string(),
    category: z.string().nullable(),
    unit: z.string(),
    listPrice: z.string().nullable().describe('Exact decimal string, 2 decimals'),
    standardCost: z.string().nullable().describe('Exact decimal string, 2 decimals'),
    active: z.boolean(),
    version: z.number(),
    createdAt: z.date(),
    updatedAt: z.date(),
    createdBy: z.number().nullable(),
  })
  .meta({ id: 'Product' });
export type Product = z.infer<typeof ProductSchema>;

/** Product codes come from the ERP or the price list: letters, digits and . _ / - */
export const productCode = z
  .string()
  .trim()
  .min(1)
  .max(50)
  .regex(/^[\p{L}\p{N}._/-]+$/u);

const editable = {
  code: productCode,
  name: text(200),
  category: optionalText(100),
  unit: text(20),
  listPrice: money.nullish(),
  standardCost: money.nullish(),
  active: z.boolean(),
};

export const CreateProductSchema = z
  .object({ ...editable, active: editable.active.default(true) })
  .strict()
  .meta({ id: 'CreateProduct' });
export type CreateProduct = z.infer<typeof CreateProductSchema>;

export const UpdateProductSchema = z
  .object({ ...z.object(editable).partial().shape, version })
  .strict()
  .meta({ id: 'UpdateProduct' });
export type UpdateProduct = z.infer<typeof UpdateProductSchema>;

export const ProductListQuerySchema = z
  .object({
    q: z.string().trim().max(100).optional().describe('Code prefix or part of the name'),
    category: z.string().trim().max(100).optional(),
    active: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    limit: LimitSchema,
    cursor: CursorSchema,
  })
  .strict();
export type ProductListQuery = z.infer<typeof ProductListQuerySchema>;
