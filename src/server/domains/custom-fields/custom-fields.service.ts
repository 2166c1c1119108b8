import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { pgErrorCode, UNIQUE_VIOLATION } from '../../../db/errors';
import { customFieldDefs } from '../../../db/schema';
import { canManageSettings } from '../../../shared/auth/policy';
import type { Actor } from '../../../shared/auth/roles';
import { forbidden, notFound, versionConflict } from '../../errors';
import { recordAudit } from '../audit/audit.repository';
import { customFieldError } from './custom-fields.errors';

type CreateInput = {
  entity: 'customer';
  key: string;
  labelZh: string;
  labelEn: string;
  type: 'text' | 'number' | 'date' | 'boolean' | 'select';
  options: string[];
  required: boolean;
};
type UpdateInput = {
  labelZh?: string;
  labelEn?: string;
  options?: string[];
  required?: boolean;
  version: number;
};

/** Custom fields are settings: everyone reads the definitions, admins change them. */
export function createCustomFieldsService(db: Db) {
  const byId = (ws: number, id: number) =>
    and(eq(customFieldDefs.workspaceId, ws), eq(customFieldDefs.id, id));
  const strip = <T extends { workspaceId: number }>({ workspaceId: _w, ...rest }: T) => rest;
  return {
    async list(actor: Actor) {
      const rows = await db
        .select()
        .from(customFieldDefs)
        .where(eq(customFieldDefs.workspaceId, actor.workspaceId))
        .orderBy(asc(customFieldDefs.id));
      return rows.map(strip);
    },

    async create(actor: Actor, input: CreateInput) {
      if (!canManageSettings(actor)) throw forbidden();
      if (input.type === 'select' && !input.options.length)
        throw customFieldError('select_needs_options', 'options');
      try {
        return await db.transaction(async (tx) => {
          const [row] = await tx
            .insert(customFieldDefs)
            .values({ ...input, workspaceId: actor.workspaceId, createdBy: actor.userId })
            .returning();
          await recordAudit(tx, actor, {
            entity: 'custom_field',
            entityId: row!.id,
            action: 'create',
            after: row,
          });
          return strip(row!);
        });
      } catch (err) {
        if (pgErrorCode(err) === UNIQUE_VIOLATION)
          throw customFieldError('duplicate_custom_field', 'key', { key: input.key });
        throw err;
      }
    },

    async update(actor: Actor, id: number, input: UpdateInput) {
      return db.transaction(async (tx) => {
        const [before] = await tx
          .select()
          .from(customFieldDefs)
          .where(byId(actor.workspaceId, id))
          .for('update');
        if (!before) throw notFound(); // another workspace's field is a 404 before it is a 403
        if (!canManageSettings(actor)) throw forbidden();
        if (before.version !== input.version) throw versionConflict(before.version);
        const { version: _v, ...fields } = input;
        const options = fields.options ?? before.options;
        if (before.type === 'select' && !options.length)
          throw customFieldError('select_needs_options', 'options');
        const [after] = await tx
          .update(customFieldDefs)
          .set({ ...fields, version: sql`${customFieldDefs.version} + 1`, updatedAt: new Date() })
          .where(byId(actor.workspaceId, id))
          .returning();
        await recordAudit(tx, actor, {
          entity: 'custom_field',
          entityId: id,
          action: 'update',
          before,
          after,
        });
        return strip(after!);
      });
    },
  };
}
