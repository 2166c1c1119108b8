import { z } from 'zod';
import { ROLES } from '../auth/roles';
import { email, id, text } from '../common/fields';
import { LOCALES } from '../common/locale';

export const UserSchema = z
  .object({
    id: z.number(),
    workspaceId: z.number(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    branchId: z.number().nullable(),
    locale: z.enum(LOCALES).nullable(),
    active: z.boolean(),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof UserSchema>;

export const CreateUserSchema = z
  .object({
    email,
    name: text(100),
    role: z.enum(ROLES),
    branchId: id.nullish(),
    password: z.string().min(8).max(200),
    locale: z.enum(LOCALES).nullish(),
  })
  .strict()
  .meta({ id: 'CreateUser' });
export type CreateUser = z.infer<typeof CreateUserSchema>;

export const BranchSchema = z
  .object({ id: z.number(), code: z.string(), name: z.string() })
  .meta({ id: 'Branch' });
