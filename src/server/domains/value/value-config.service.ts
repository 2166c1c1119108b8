import { pgErrorCode, UNIQUE_VIOLATION } from '../../../db/errors';
import { BUILTIN_MATRICES } from '../../../shared/analytics/builtin-matrices';
import { validateMatrix } from '../../../shared/analytics/matrix-assign';
import { NO_RFM_SEGMENT, OTHERS_SEGMENT } from '../../../shared/analytics/rfm-segments';
import { ABC_CLASSES, VALUE_TIERS } from '../../../shared/analytics/value.contract';
import type {
  CreateValueMatrix,
  CreateValuePolicy,
  UpdateValueMatrix,
  UpdateValuePolicy,
  UpdateValueSettings,
  ValueMatrix,
  ValuePolicy,
  ValueSettingsView,
} from '../../../shared/analytics/value-api.schema';
import type { MatrixDefinition } from '../../../shared/analytics/value-matrix';
import {
  DEFAULT_VALUE_SETTINGS,
  type ValueSettings,
  valueSettingsSchema,
} from '../../../shared/analytics/value-settings';
import { canManageValue } from '../../../shared/auth/policy';
import type { Actor } from '../../../shared/auth/roles';
import type { Locale } from '../../../shared/common/locale';
import { notFound, validationError, versionConflict } from '../../errors';
import { recordAudit } from '../audit/audit.repository';
import { valueErrors } from './value.errors';
import { matrixIssueMessage, policyTargetMessage } from './value.messages';
import type { MatrixRow, Tx, ValueConfigRepository } from './value-config.repository';

type Conn = Parameters<ValueConfigRepository['settings']>[0];

/** Stored settings, read leniently: a field a later release added comes from the defaults. */
export function readSettings(stored: unknown): ValueSettings {
  const merged =
    stored && typeof stored === 'object' ? { ...DEFAULT_VALUE_SETTINGS, ...(stored as object) } : stored;
  const parsed = valueSettingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_VALUE_SETTINGS;
}

const matrixView = (row: MatrixRow): ValueMatrix => ({
  ...row,
  definition: row.definition as MatrixDefinition,
});

const policyView = (row: ValuePolicy): ValuePolicy => row;

/**
 * The value engine's configuration (价值设置): settings (versioned, one row per workspace, defaults
 * until first saved), factor matrices (the built-ins seeded on first read, editable, not deletable) and
 * tier policies. Everyone reads them; admins and managers change them; every change is audited.
 */
export function createValueConfigService(repo: ValueConfigRepository) {
  const db = repo.db;

  function requireManager(actor: Actor) {
    if (!canManageValue(actor)) throw valueErrors.error('may_not_classify');
  }

  function checkMatrix(def: MatrixDefinition, locale: Locale) {
    const issues = validateMatrix(def);
    if (issues.length)
      throw validationError(
        issues.map((i) => ({ field: `definition.${i.path}`, message: matrixIssueMessage(i, locale) })),
      );
  }

  async function seedMatrices(tx: Tx, workspaceId: number) {
    const rows = await repo.listMatrices(tx, workspaceId);
    const missing = BUILTIN_MATRICES.filter((m) => !rows.some((r) => r.key === m.key));
    if (missing.length === 0) return rows;
    const seeded = await repo.insertMatrices(
      tx,
      missing.map((m) => ({ workspaceId, key: m.key, definition: m, builtin: true })),
    );
    for (const row of seeded)
      await recordAudit(tx, null, {
        workspaceId,
        entity: 'value_matrix',
        entityId: row.id,
        action: 'create',
        after: row,
      });
    return repo.listMatrices(tx, workspaceId);
  }

  async function settingsView(conn: Conn, workspaceId: number): Promise<ValueSettingsView> {
    const row = await repo.settings(conn, workspaceId);
    if (!row) return { settings: DEFAULT_VALUE_SETTINGS, version: 1, updatedAt: null, updatedBy: null };
    return {
      settings: readSettings(row.settings),
      version: row.version,
      updatedAt: row.updatedAt,
      updatedBy: row.updatedBy,
    };
  }

  /** A policy's target must name a tier, a class, a segment of the settings or a matrix cell. */
  async function checkTarget(tx: Tx, workspaceId: number, kind: string, key: string, locale: Locale) {
    let ok = false;
    if (kind === 'tier') ok = (VALUE_TIERS as readonly string[]).includes(key);
    else if (kind === 'abc') ok = (ABC_CLASSES as readonly string[]).includes(key);
    else if (kind === 'segment') {
      const { settings } = await settingsView(tx, workspaceId);
      ok =
        key === OTHERS_SEGMENT || key === NO_RFM_SEGMENT || settings.rfm.segments.some((s) => s.key === key);
    } else {
      const [matrixKey, cellKey] = key.split(':');
      const matrices = await seedMatrices(tx, workspaceId);
      const m = matrices.find((r) => r.key === matrixKey);
      ok = Boolean(m && (m.definition as MatrixDefinition).cells.some((c) => c.key === cellKey));
    }
    if (!ok) throw validationError([{ field: 'targetKey', message: policyTargetMessage(kind, locale) }]);
  }

  return {
    /** The settings a run uses (defaults until saved). */
    async currentSettings(workspaceId: number, conn: Conn = db): Promise<ValueSettings> {
      return (await settingsView(conn, workspaceId)).settings;
    },

    /** The active matrices a run uses (seeding the built-ins on first use). */
    async activeMatrices(workspaceId: number): Promise<MatrixDefinition[]> {
      const rows = await db.transaction((tx) => seedMatrices(tx, workspaceId));
      return rows.filter((r) => r.active).map((r) => r.definition as MatrixDefinition);
    },

    settings: (actor: Actor) => settingsView(db, actor.workspaceId),

    async updateSettings(actor: Actor, input: UpdateValueSettings): Promise<ValueSettingsView> {
      requireManager(actor);
      return db.transaction(async (tx) => {
        const row = await repo.settings(tx, actor.workspaceId, true);
        const current = row?.version ?? 1;
        if (current !== input.version) throw versionConflict(current);
        const before = row ? readSettings(row.settings) : DEFAULT_VALUE_SETTINGS;
        const saved = await repo.saveSettings(tx, actor.workspaceId, input.settings, actor.userId);
        await recordAudit(tx, actor, {
          entity: 'value_settings',
          entityId: actor.workspaceId,
          action: 'update',
          before,
          after: input.settings,
        });
        return {
          settings: input.settings,
          version: saved.version,
          updatedAt: saved.updatedAt,
          updatedBy: saved.updatedBy,
        };
      });
    },

    async matrices(actor: Actor) {
      const rows = await db.transaction((tx) => seedMatrices(tx, actor.workspaceId));
      return { items: rows.map(matrixView), nextCursor: null };
    },

    async getMatrix(actor: Actor, id: number) {
      const row = await repo.matrix(db, actor.workspaceId, id);
      if (!row) throw notFound();
      return matrixView(row);
    },

    async createMatrix(actor: Actor, input: CreateValueMatrix, locale: Locale) {
      requireManager(actor);
      checkMatrix(input.definition, locale);
      return db.transaction(async (tx) => {
        await seedMatrices(tx, actor.workspaceId);
        const [row] = await repo.insertMatrices(tx, [
          {
            workspaceId: actor.workspaceId,
            key: input.definition.key,
            definition: input.definition,
            active: input.active,
            createdBy: actor.userId,
          },
        ]);
        if (!row) throw valueErrors.error('matrix_key_taken', { key: input.definition.key });
        await recordAudit(tx, actor, {
          entity: 'value_matrix',
          entityId: row.id,
          action: 'create',
          after: row,
        });
        return matrixView(row);
      });
    },

    async updateMatrix(actor: Actor, id: number, input: UpdateValueMatrix, locale: Locale) {
      if (input.definition) checkMatrix(input.definition, locale);
      return db.transaction(async (tx) => {
        const before = await repo.matrix(tx, actor.workspaceId, id, true);
        if (!before) throw notFound();
        requireManager(actor);
        if (before.version !== input.version) throw versionConflict(before.version);
        if (input.definition && input.definition.key !== before.key)
          throw valueErrors.error('matrix_key_fixed');
        const after = await repo.updateMatrix(tx, actor.workspaceId, id, {
          ...(input.definition ? { definition: input.definition } : {}),
          ...(input.active !== undefined ? { active: input.active } : {}),
        });
        await recordAudit(tx, actor, {
          entity: 'value_matrix',
          entityId: id,
          action: 'update',
          before,
          after,
        });
        return matrixView(after);
      });
    },

    async deleteMatrix(actor: Actor, id: number, version: number) {
      await db.transaction(async (tx) => {
        const before = await repo.matrix(tx, actor.workspaceId, id, true);
        if (!before) throw notFound();
        requireManager(actor);
        if (before.builtin) throw valueErrors.error('builtin_matrix');
        if (before.version !== version) throw versionConflict(before.version);
        await repo.deleteMatrix(tx, actor.workspaceId, id);
        await recordAudit(tx, actor, { entity: 'value_matrix', entityId: id, action: 'delete', before });
      });
    },

    async policies(actor: Actor) {
      return { items: (await repo.listPolicies(db, actor.workspaceId)).map(policyView), nextCursor: null };
    },

    async getPolicy(actor: Actor, id: number) {
      const row = await repo.policy(db, actor.workspaceId, id);
      if (!row) throw notFound();
      return policyView(row);
    },

    async createPolicy(actor: Actor, input: CreateValuePolicy, locale: Locale) {
      requireManager(actor);
      try {
        return await db.transaction(async (tx) => {
          await checkTarget(tx, actor.workspaceId, input.targetKind, input.targetKey, locale);
          const row = await repo.insertPolicy(tx, {
            ...input,
            workspaceId: actor.workspaceId,
            createdBy: actor.userId,
          });
          await recordAudit(tx, actor, {
            entity: 'value_policy',
            entityId: row.id,
            action: 'create',
            after: row,
          });
          return policyView(row);
        });
      } catch (err) {
        if (pgErrorCode(err) === UNIQUE_VIOLATION)
          throw valueErrors.error('policy_target_taken', {
            target: `${input.targetKind} ${input.targetKey}`,
          });
        throw err;
      }
    },

    async updatePolicy(actor: Actor, id: number, input: UpdateValuePolicy) {
      return db.transaction(async (tx) => {
        const before = await repo.policy(tx, actor.workspaceId, id, true);
        if (!before) throw notFound();
        requireManager(actor);
        if (before.version !== input.version) throw versionConflict(before.version);
        const { version: _v, ...set } = input;
        const after = await repo.updatePolicy(tx, actor.workspaceId, id, set);
        await recordAudit(tx, actor, {
          entity: 'value_policy',
          entityId: id,
          action: 'update',
          before,
          after,
        });
        return policyView(after);
      });
    },

    async deletePolicy(actor: Actor, id: number, version: number) {
      await db.transaction(async (tx) => {
        const before = await repo.policy(tx, actor.workspaceId, id, true);
        if (!before) throw notFound();
        requireManager(actor);
        if (before.version !== version) throw versionConflict(before.version);
        await repo.deletePolicy(tx, actor.workspaceId, id);
        await recordAudit(tx, actor, { entity: 'value_policy', entityId: id, action: 'delete', before });
      });
    },
  };
}

export type ValueConfigService = ReturnType<typeof createValueConfigService>;
