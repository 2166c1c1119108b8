/** Saved column mappings, one user's own: another user's template answers like one that does not exist. */
import { and, asc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Db } from '../../../../db/client';
import { pgErrorCode, UNIQUE_VIOLATION } from '../../../../db/errors';
import { importTemplates } from '../../../../db/schema';
import type { Actor } from '../../../../shared/auth/roles';
import type { CreateImportTemplate } from '../../../../shared/imports/import-api.schema';
import { IMPORT_FIELDS, type ImportEntity } from '../../../../shared/imports/import-fields';
import { notFound, validationError, versionConflict } from '../../../errors';
import { recordAudit } from '../../audit/audit.repository';

const { workspaceId: _ws, ownerId: _owner, createdBy: _by, ...columns } = getTableColumns(importTemplates);

const mine = (actor: Actor, id: number) =>
  and(
    eq(importTemplates.workspaceId, actor.workspaceId),
    eq(importTemplates.ownerId, actor.userId),
    eq(importTemplates.id, id),
  );

/** A 422 naming each mapped field the entity does not have. */
function checkMapping(entity: ImportEntity, mapping: Record<string, string>) {
  const known = new Set(IMPORT_FIELDS[entity].map((f) => f.key));
  const unknown = Object.keys(mapping).filter((key) => !known.has(key));
  if (unknown.length)
    throw validationError(
      unknown.map((key) => ({ field: `mapping.${key}`, message: 'kehu.unknown_import_field' })),
    );
}

export function createImportTemplates(db: Db) {
  return {
    async list(actor: Actor, entity: ImportEntity) {
      const items = await db
        .select(columns)
        .from(importTemplates)
        .where(
          and(
            eq(importTemplates.workspaceId, actor.workspaceId),
            eq(importTemplates.ownerId, actor.userId),
            eq(importTemplates.entity, entity),
          ),
        )
        .orderBy(asc(sql`lower(${importTemplates.name})`), asc(importTemplates.id));
      return { items, nextCursor: null };
    },

    async create(actor: Actor, input: CreateImportTemplate) {
      checkMapping(input.entity, input.mapping);
      try {
        return await db.transaction(async (tx) => {
          const [row] = await tx
            .insert(importTemplates)
            .values({
              ...input,
              workspaceId: actor.workspaceId,
              ownerId: actor.userId,
              createdBy: actor.userId,
            })
            .returning(columns);
          await recordAudit(tx, actor, {
            entity: 'import_template',
            entityId: row!.id,
            action: 'create',
            after: row,
          });
          return row!;
        });
      } catch (err) {
        if (pgErrorCode(err) === UNIQUE_VIOLATION)
          throw validationError([{ field: 'name', message: 'kehu.duplicate_template_name' }]);
        throw err;
      }
    },

    async remove(actor: Actor, id: number, version: number) {
      await db.transaction(async (tx) => {
        const [before] = await tx.select(columns).from(importTemplates).where(mine(actor, id)).for('update');
        if (!before) throw notFound();
        if (before.version !== version) throw versionConflict(before.version);
        await tx.delete(importTemplates).where(mine(actor, id));
        await recordAudit(tx, actor, { entity: 'import_template', entityId: id, action: 'delete', before });
      });
    },
  };
}

export type ImportTemplatesService = ReturnType<typeof createImportTemplates>;
