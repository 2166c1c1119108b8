import type {
  CreateImportTemplate,
  ImportIssue,
  ImportPreview,
  ImportRun,
  ImportTemplate,
  RunImport,
} from '../../../shared/imports/import-api.schema';
import type { ImportEntity } from '../../../shared/imports/import-fields';
import { ApiError, api, queryString } from '../../lib/api';
import { currentLocale, i18n } from '../../lib/i18n';

type Page<T> = { items: T[]; nextCursor: string | null };

/**
 * Sends the file as the raw request body (streamed by the browser, never read into memory here), with
 * upload progress, which fetch does not report.
 */
export function uploadImportFile(file: File, onProgress: (percent: number) => void): Promise<ImportRun> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/imports${queryString({ fileName: file.name })}`);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('accept-language', i18n.language);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      const body = (() => {
        try {
          return JSON.parse(xhr.responseText);
        } catch {
          return null;
        }
      })();
      if (xhr.status === 201) resolve(body as ImportRun);
      else
        reject(
          new ApiError(
            xhr.status,
            body?.code ?? `http_${xhr.status}`,
            body?.detail ?? i18n.t('errors.server'),
          ),
        );
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', i18n.t('errors.network')));
    xhr.send(file);
  });
}

export const getImportRun = (id: string, signal?: AbortSignal) =>
  api<ImportRun>(`/imports/${id}`, { signal });

export const getImportPreview = (id: string, entity: ImportEntity, sheet?: string, signal?: AbortSignal) =>
  api<ImportPreview>(`/imports/${id}/preview${queryString({ entity, sheet })}`, { signal });

export const runImport = (id: string, body: RunImport) =>
  api<ImportRun>(`/imports/${id}/run`, { method: 'POST', body });

export const getImportIssues = (id: string, offset: number, limit: number, signal?: AbortSignal) =>
  api<Page<ImportIssue>>(`/imports/${id}/issues${queryString({ offset, limit })}`, { signal });

export const importReportUrl = (id: string, format: 'csv' | 'xlsx') =>
  `/api/v1/imports/${id}/report${queryString({ format, lang: currentLocale() })}`;

export const listImportTemplates = (entity: ImportEntity, signal?: AbortSignal) =>
  api<Page<ImportTemplate>>(`/import-templates${queryString({ entity })}`, { signal });

export const createImportTemplate = (body: CreateImportTemplate) =>
  api<ImportTemplate>('/import-templates', { method: 'POST', body });

export const deleteImportTemplate = (t: ImportTemplate) =>
  api<void>(`/import-templates/${t.id}${queryString({ version: t.version })}`, { method: 'DELETE' });
