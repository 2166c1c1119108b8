import type { z } from 'zod';
import type {
  BranchSchema,
  CreateUser,
  ResetPassword,
  TeamSchema,
  UpdateUser,
  UserSchema,
} from '../../../shared/users/user.schema';
import { api } from '../../lib/api';
import type { Wire } from '../../lib/wire';

export type User = Wire<z.infer<typeof UserSchema>>;
export type Branch = Wire<z.infer<typeof BranchSchema>>;
export type Team = Wire<z.infer<typeof TeamSchema>>;

export const listUsers = (signal?: AbortSignal) => api<{ items: User[] }>('/users', { signal });
/** The admin users page's query (a fresher copy than the `people` list everyone reads). */
export const USERS_KEY = ['admin', 'users'] as const;
export const fetchUsers = ({ signal }: { signal?: AbortSignal }) => listUsers(signal);
export const listBranches = (signal?: AbortSignal) => api<{ items: Branch[] }>('/branches', { signal });
export const listTeams = (signal?: AbortSignal) => api<{ items: Team[] }>('/teams', { signal });
export const createUser = (input: CreateUser) => api<User>('/users', { method: 'POST', body: input });
export const updateUser = (id: number, input: UpdateUser) =>
  api<User>(`/users/${id}`, { method: 'PATCH', body: input });
export const setUserActive = (user: User, active: boolean) =>
  updateUser(user.id, { active, version: user.version });
export const resetPassword = (user: User, input: ResetPassword) =>
  api<void>(`/users/${user.id}/password`, { method: 'POST', body: input });
