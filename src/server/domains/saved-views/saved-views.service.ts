import { pgErrorCode, UNIQUE_VIOLATION } from '../../../db/errors';
import type { Actor } from '../../../shared/auth/roles';
import {
  type CreateSavedView,
  checkViewQuery,
  MAX_VIEWS_PER_LIST,
  type SavedViewList,
  type UpdateSavedView,
} from '../../../shared/saved-views/saved-view.schema';
import { notFound, validationError, versionConflict } from '../../errors';
import { recordAudit } from '../audit/audit.repository';
import { savedViewErrors } from './saved-views.errors';
import type { SavedViewsRepository } from './saved-views.repository';

const DUPLICATE_NAME = 'kehu.duplicate_view_name';

/** A 422 naming each filter of the query its list does not accept; the query without empty values. */
function validQuery(list: SavedViewList, query: Record<string, string>) {
  const { clean, issues } = checkViewQuery(list, query);
  if (issues.length) throw validationError(issues);
  return clean;
}

/** A name taken by another of the user's views of the list is a field error on `name`. */
async function namedOnce<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (pgErrorCode(err) === UNIQUE_VIOLATION)
      throw validationError([{ field: 'name', message: DUPLICATE_NAME }]);
    throw err;
  }
}

/**
 * Saved views belong to the user who saved them: every read and write is scoped by the owner, so
 * another user's view is answered like one that does not exist (404).
 */
export function createSavedViewsService(repo: SavedViewsRepository) {
  const db = repo.db;
  return {
    async list(actor: Actor, list: SavedViewList) {
      const items = await repo.list(actor.workspaceId, actor.userId, list);
      return { items, nextCursor: null };
    },

    /** One of the caller's views; another user's view is 404 like one that does not exist. */
    async get(actor: Actor, id: number) {
      const row = await repo.get(db, actor.workspaceId, actor.userId, id);
      if (!row) throw notFound();
      return row;
    },

    async create(actor: Actor, input: CreateSavedView) {
      const query = validQuery(input.list, input.query);
      return namedOnce(() =>
        db.transaction(async (tx) => {
          if ((await repo.count(tx, actor.workspaceId, actor.userId, input.list)) >= MAX_VIEWS_PER_LIST)
            throw savedViewErrors.error('too_many_views');
          const row = await repo.insert(tx, {
            ...input,
            query,
            workspaceId: actor.workspaceId,
            ownerId: actor.userId,
            createdBy: actor.userId,
          });
          await recordAudit(tx, actor, {
            entity: 'saved_view',
            entityId: row.id,
            action: 'create',
            after: row,
          });
          return row;
        }),
      );
    },

    async update(actor: Actor, id: number, input: UpdateSavedView) {
      return namedOnce(() =>
        db.transaction(async (tx) => {
          const before = await repo.get(tx, actor.workspaceId, actor.userId, id, true);
          if (!before) throw notFound();
          if (before.version !== input.version) throw versionConflict(before.version);
          const { version, query, ...fields } = input;
          const set = { ...fields, ...(query ? { query: validQuery(before.list, query) } : {}) };
          const after = await repo.update(tx, actor.workspaceId, actor.userId, id, version, set);
          if (!after) throw versionConflict();
          await recordAudit(tx, actor, {
            entity: 'saved_view',
            entityId: id,
            action: 'update',
            before,
            after,
          });
          return after;
        }),
      );
    },

    async remove(actor: Actor, id: number, expectedVersion?: number) {
      await db.transaction(async (tx) => {
        const before = await repo.get(tx, actor.workspaceId, actor.userId, id, true);
        if (!before) throw notFound();
        if (expectedVersion !== undefined && expectedVersion !== before.version)
          throw versionConflict(before.version);
        await repo.delete(tx, actor.workspaceId, actor.userId, id);
        await recordAudit(tx, actor, { entity: 'saved_view', entityId: id, action: 'delete', before });
      });
    },
  };
}

export type SavedViewsService = ReturnType<typeof createSavedViewsService>;
