import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { auditLog } from '../../../db/schema';
import type { Actor } from '../../../shared/auth/roles';

export type AuditEntity =
  | 'customer'
  | 'contact'
  | 'activity'
  | 'order'
  | 'product'
  | 'user'
  | 'branch'
  | 'team'
  | 'custom_field'
  | 'api_token'
  | 'workspace'
  | 'saved_view'
  | 'duplicate_pair'
  | 'quality_settings'
  | 'import'
  | 'import_template'
  | 'task'
  | 'value_settings'
  | 'value_matrix'
  | 'value_policy'
  | 'value_run';
export type AuditAction = 'create' | 'update' | 'delete' | 'restore';

/** JSON-safe snapshot: Dates as ISO strings, so before/after compare cleanly. */
const snapshot = (row: unknown) =>
  row === undefined || row === null ? null : JSON.parse(JSON.stringify(row));

/** Written inside the same transaction as the change it records, so neither exists without the other. */
export async function recordAudit(
  tx: Pick<Db, 'insert'>,
  actor: Pick<Actor, 'workspaceId' | 'userId'> | null,
  entry: {
    workspaceId?: number;
    entity: AuditEntity;
    entityId: number;
    action: AuditAction;
    before?: unknown;
    after?: unknown;
  },
) {
  await tx.insert(auditLog).values({
    workspaceId: entry.workspaceId ?? actor!.workspaceId,
    entity: entry.entity,
    entityId: entry.entityId,
    action: entry.action,
    actorId: actor?.userId ?? null,
    before: snapshot(entry.before),
    after: snapshot(entry.after),
  });
}

export function listAudit(db: Db, workspaceId: number, entity: AuditEntity, entityId: number, limit = 200) {
  return db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.workspaceId, workspaceId),
        eq(auditLog.entity, entity),
        eq(auditLog.entityId, entityId),
      ),
    )
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
}
