import type { z } from 'zod';
import type { CustomFieldDefSchema } from '../../../shared/customers/custom-field.schema';
import type { UpdateWorkspace, Workspace } from '../../../shared/workspace/workspace.schema';
import { api } from '../../lib/api';
import type { Wire } from '../../lib/wire';

export type FieldDef = Wire<z.infer<typeof CustomFieldDefSchema>>;
export type WorkspaceSettings = Wire<Workspace>;

export const WORKSPACE_KEY = ['workspace'] as const;
// The customer 360 page's custom fields card reads the definitions under this key too.
export const CUSTOM_FIELDS_KEY = ['custom-fields'] as const;

export const getWorkspace = (signal?: AbortSignal) => api<WorkspaceSettings>('/workspace', { signal });
export const updateWorkspace = (input: UpdateWorkspace) =>
  api<WorkspaceSettings>('/workspace', { method: 'PATCH', body: input });

export const listFieldDefs = (signal?: AbortSignal) =>
  api<{ items: FieldDef[] }>('/custom-fields', { signal });
export type FieldDefValues = Pick<FieldDef, 'key' | 'labelZh' | 'labelEn' | 'type' | 'options' | 'required'>;
export const createFieldDef = (input: FieldDefValues) =>
  api<FieldDef>('/custom-fields', { method: 'POST', body: input });
export const updateFieldDef = (
  id: number,
  input: Partial<Pick<FieldDef, 'labelZh' | 'labelEn' | 'options' | 'required'>> & { version: number },
) => api<FieldDef>(`/custom-fields/${id}`, { method: 'PATCH', body: input });
