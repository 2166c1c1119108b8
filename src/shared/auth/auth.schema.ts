import { z } from 'zod';
import { LOCALES } from '../common/locale';
import { ROLES } from './roles';

export const LoginBodySchema = z
  .object({ email: z.string().trim().max(254), password: z.string().min(1).max(200) })
  .strict()
  .meta({ id: 'LoginBody' });

export const MeSchema = z
  .object({
    id: z.number(),
    workspaceId: z.number(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    branchId: z.number().nullable(),
    locale: z.enum(LOCALES).nullable(),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof MeSchema>;

export const SessionSchema = z.object({ user: MeSchema.nullable() }).meta({ id: 'Session' });

export const UpdateMeBodySchema = z.object({ locale: z.enum(LOCALES) }).strict();

export const ApiTokenSchema = z
  .object({
    id: z.number(),
    name: z.string(),
    prefix: z.string(),
    createdAt: z.date(),
    lastUsedAt: z.date().nullable(),
    expiresAt: z.date().nullable(),
    revokedAt: z.date().nullable(),
  })
  .meta({ id: 'ApiToken' });

export const CreateTokenBodySchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    expiresInDays: z.number().int().min(1).max(3650).optional(),
  })
  .strict();

export const CreatedTokenSchema = ApiTokenSchema.extend({
  token: z.string().describe('Shown once; store it now. Send as `Authorization: Bearer <token>`.'),
}).meta({ id: 'CreatedApiToken' });
