import { canManageSettings } from '../../../shared/auth/policy';
import type { Actor } from '../../../shared/auth/roles';
import type { UpdateWorkspace } from '../../../shared/workspace/workspace.schema';
import { forbidden, notFound, versionConflict } from '../../errors';
import { recordAudit } from '../audit/audit.repository';
import { codeRuleFor } from '../customers/customer-codes';
import { unknownTimeZone } from './workspace.errors';
import type { Tx, WorkspaceFields, WorkspaceRepository } from './workspace.repository';

type Conn = Parameters<WorkspaceRepository['get']>[0];
type Row = WorkspaceFields & { id: number; version: number };

/** The workspace's settings: everyone signed in reads them, admins change them (audited, versioned). */
export function createWorkspaceService(
  repo: WorkspaceRepository,
  /** Told after a change is committed: caches of the settings (the timeline's time zone) drop them. */
  onChanged: (workspaceId: number) => void = () => {},
) {
  const db = repo.db;

  /** The settings with where the saved customer code rule's counter stands today. */
  async function view(conn: Conn, row: Row) {
    const { period } = codeRuleFor(row.customerCodeRule, new Date(), row.timeZone);
    const next = await repo.nextCustomerSeq(conn, row.id, period);
    return { ...row, customerCodeCounter: { period, next } };
  }

  return {
    async get(actor: Actor) {
      const row = await repo.get(db, actor.workspaceId);
      if (!row) throw notFound();
      return view(db, row);
    },

    async update(actor: Actor, input: UpdateWorkspace) {
      if (!canManageSettings(actor)) throw forbidden();
      if (input.timeZone && !(await repo.knowsTimeZone(input.timeZone))) throw unknownTimeZone();
      const saved = await db.transaction(async (tx: Tx) => {
        const before = await repo.lock(tx, actor.workspaceId);
        if (!before) throw notFound();
        if (before.version !== input.version) throw versionConflict(before.version);
        const { version: _v, ...fields } = input;
        const changed = Object.fromEntries(
          Object.entries(fields).filter(
            ([k, v]) => v !== undefined && v !== before[k as keyof WorkspaceFields],
          ),
        ) as Partial<WorkspaceFields>;
        if (Object.keys(changed).length === 0) return view(tx, before);
        const { id: _id, version: _ver, ...old } = before;
        const after = await repo.update(tx, actor.workspaceId, changed);
        await recordAudit(tx, actor, {
          entity: 'workspace',
          entityId: actor.workspaceId,
          action: 'update',
          before: old,
          after: { name: after.name, timeZone: after.timeZone, customerCodeRule: after.customerCodeRule },
        });
        return view(tx, after);
      });
      onChanged(actor.workspaceId);
      return saved;
    },
  };
}

export type WorkspaceService = ReturnType<typeof createWorkspaceService>;
