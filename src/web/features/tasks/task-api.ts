import type { z } from 'zod';
import type { CreateTask, TaskSchema, UpdateTask } from '../../../shared/tasks/task.schema';
import { api, queryString } from '../../lib/api';
import type { Page, Wire } from '../../lib/wire';

export type Task = Wire<z.infer<typeof TaskSchema>>;

export const TASKS_KEY = ['tasks'] as const;

/** My open tasks, soonest due first (overdue ones come first by that order). */
export const listMyTasks = (cursor?: string, signal?: AbortSignal) =>
  api<Page<Task>>(`/tasks/mine${queryString({ cursor, limit: 50 })}`, { signal });
export const listTasks = (
  params: {
    status?: 'open' | 'done' | 'all';
    customerId?: number;
    assignee?: 'me' | number;
    cursor?: string;
  },
  signal?: AbortSignal,
) => api<Page<Task>>(`/tasks${queryString({ ...params, limit: 50 })}`, { signal });
export const createTask = (input: CreateTask) => api<Task>('/tasks', { method: 'POST', body: input });
export const updateTask = (id: number, input: UpdateTask) =>
  api<Task>(`/tasks/${id}`, { method: 'PATCH', body: input });
