/**
 * Files uploaded for import, kept on disk (streamed in, never held in memory) with their run's state.
 * An upload belongs to the user who sent it; it and its issue list are removed a day after upload.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Actor } from '../../../../shared/auth/roles';
import type { ImportRun } from '../../../../shared/imports/import-api.schema';
import { notFound } from '../../../errors';
import type { ImportMessage, OpenedTable, OpenOptions } from '../import.contract';
import { openTable } from '../read';
import { importErrors } from './import-web.errors';

export type Upload = {
  id: string;
  workspaceId: number;
  userId: number;
  path: string;
  issuesPath: string;
  /** The state a client polls (but its problem); `issueCount` grows as the run writes `issuesPath`. */
  run: Omit<ImportRun, 'problem'>;
  /** Why the file could not be read or the run failed, in no language yet. */
  problem?: ImportMessage & { line?: number };
};

const DAY_MS = 24 * 60 * 60 * 1000;

export function createImportUploads(dir: string, maxBytes: number) {
  const uploads = new Map<string, Upload>();

  async function sweep(now = Date.now()) {
    for (const [id, u] of uploads)
      if (u.run.status !== 'running' && now - u.run.createdAt.getTime() > DAY_MS) {
        uploads.delete(id);
        await Promise.all([rm(u.path, { force: true }), rm(u.issuesPath, { force: true })]);
      }
  }

  return {
    dir,

    /** Streams the body to disk; over `maxBytes` it stops, removes the part written and answers 413. */
    async receive(actor: Actor, fileName: string, body: Readable): Promise<Upload> {
      await sweep();
      mkdirSync(dir, { recursive: true });
      const id = randomUUID();
      const path = join(dir, id);
      let size = 0;
      const limit = new Transform({
        transform(chunk: Buffer, _enc, done) {
          size += chunk.length;
          if (size > maxBytes) done(importErrors.error('file_too_large'));
          else done(null, chunk);
        },
      });
      try {
        await pipeline(body, limit, createWriteStream(path));
      } catch (err) {
        await rm(path, { force: true });
        throw err;
      }
      const upload: Upload = {
        id,
        workspaceId: actor.workspaceId,
        userId: actor.userId,
        path,
        issuesPath: `${path}.issues.ndjson`,
        run: {
          id,
          fileName,
          size,
          status: 'uploaded',
          entity: null,
          mode: null,
          phase: null,
          done: 0,
          total: null,
          counts: null,
          written: false,
          issueCount: 0,
          createdAt: new Date(),
          finishedAt: null,
        },
      };
      uploads.set(id, upload);
      return upload;
    },

    /** The caller's own upload; anyone else's answers 404. */
    get(actor: Actor, id: string): Upload {
      const u = uploads.get(id);
      if (!u || u.workspaceId !== actor.workspaceId || u.userId !== actor.userId) throw notFound();
      return u;
    },

    async close() {
      for (const u of uploads.values())
        await Promise.all([rm(u.path, { force: true }), rm(u.issuesPath, { force: true })]);
      uploads.clear();
    },
  };
}

export type ImportUploads = ReturnType<typeof createImportUploads>;

/** Opens an upload as a table; its format comes from the name it was uploaded with. */
export const openUpload = (upload: Upload, options: OpenOptions): Promise<OpenedTable> =>
  openTable({ stream: createReadStream(upload.path), fileName: upload.run.fileName }, options);
