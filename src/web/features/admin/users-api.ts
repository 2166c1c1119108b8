import type { z } from 'zod';
import type { BranchSchema, CreateUser, ResetPassword, UserSchema } from '../../../shared/users/user.schema';
import { api } from '../../lib/api';
import type { Wire } from '../../lib/wire';

export type User = Wire<z.infer<typeof UserSchema>>;
export type Branch = Wire<z.infer<typeof BranchSchema>>;

export const listUsers = (signal?: AbortSignal) => api<{ items: User[] }>('/users', { signal });
export const listBranches = (signal?: AbortSignal) => api<{ items: Branch[] }>('/branches', { signal });
export const createUser = (input: CreateUser) => api<User>('/users', { method: 'POST', body: input });
export const setUserActive = (user: User, active: boolean) =>
  api<User>(`/users/${user.id}`, { method: 'PATCH', body: { active, version: user.version } });
export const resetPassword = (user: User, input: ResetPassword) =>
  api<void>(`/users/${user.id}/password`, { method: 'POST', body: input });
