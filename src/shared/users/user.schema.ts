import { z } from 'zod';
import { ROLES } from '../auth/roles';
import { email, id, text, version } from '../common/fields';
import { LOCALES } from '../common/locale';

export const UserSchema = z
  .object({
    id: z.number(),
    workspaceId: z.number(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    branchId: z.number().nullable(),
    /** The team within the branch (teams belong to a branch); null when none. */
    teamId: z.number().nullable(),
    locale: z.enum(LOCALES).nullable(),
    active: z.boolean(),
    version: z.number(),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof UserSchema>;

/** The password policy, the same for a new user and a reset: 8 to 200 characters. */
export const password = z.string().min(8).max(200);

export const CreateUserSchema = z
  .object({
    email,
    name: text(100),
    role: z.enum(ROLES),
    branchId: id.nullish(),
    teamId: id.nullish(),
    password,
    locale: z.enum(LOCALES).nullish(),
  })
  .strict()
  .meta({ id: 'CreateUser' });
export type CreateUser = z.infer<typeof CreateUserSchema>;

export const ResetPasswordSchema = z.object({ password }).strict().meta({ id: 'ResetPassword' });
export type ResetPassword = z.infer<typeof ResetPasswordSchema>;

export const BranchSchema = z
  .object({ id: z.number(), code: z.string(), name: z.string() })
  .meta({ id: 'Branch' });

export const UpdateUserSchema = z
  .object({
    name: text(100).optional(),
    role: z.enum(ROLES).optional(),
    branchId: id.nullish(),
    /** A team of the user's branch. Moving to another branch leaves a team of the old one unless a team is given. */
    teamId: id.nullish(),
    active: z.boolean().optional(),
    version,
  })
  .strict()
  .meta({ id: 'UpdateUser' });
export type UpdateUser = z.infer<typeof UpdateUserSchema>;

export const CreateBranchSchema = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{1,30}$/),
    name: text(100),
  })
  .strict()
  .meta({ id: 'CreateBranch' });

export const TeamSchema = z
  .object({ id: z.number(), branchId: z.number(), name: z.string() })
  .meta({ id: 'Team' });
export const CreateTeamSchema = z
  .object({ branchId: id, name: text(100) })
  .strict()
  .meta({ id: 'CreateTeam' });
