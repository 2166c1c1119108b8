import { canManageSettings } from '../../../shared/auth/policy';
import type { Actor } from '../../../shared/auth/roles';
import { encodeCursor } from '../../../shared/common/pagination';
import type { FieldError } from '../../../shared/common/problem';
import {
  QUALITY_MSG,
  type QualityGroupBy,
  type QualityIssue,
  type QualityIssuesQuery,
  type QualitySummary,
  type UpdateQualitySettings,
} from '../../../shared/quality/quality.schema';
import {
  CUSTOM_PREFIX,
  customFieldKey,
  DEFAULT_REQUIRED_FIELDS,
  DEFAULT_STALE_DAYS,
} from '../../../shared/quality/quality-fields';
import { type Problem, scoreCustomer, staleCutoffDay } from '../../../shared/quality/quality-score';
import { localDay } from '../../../shared/workspace/local-day';
import { readCursor } from '../../cursor';
import { forbidden, notFound, validationError, versionConflict } from '../../errors';
import { recordAudit } from '../audit/audit.repository';
import type { CustomerGateApi } from '../customers/customers.access';
import type { GroupRow, QualityRepository, Scope, SettingsRow, Tx } from './quality.repository';

const DEFAULTS = { requiredFields: [...DEFAULT_REQUIRED_FIELDS], staleDays: DEFAULT_STALE_DAYS };

/** Today in a time zone as YYYY-MM-DD. */
export function todayIn(timeZone: string, at: Date = new Date()): string {
  const d = localDay(at, timeZone);
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

const pct = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part * 1000) / whole) / 10);

function figures(row: GroupRow) {
  return {
    customers: row.customers,
    completeness: row.completeness,
    complete: row.complete,
    duplicates: row.duplicates,
    stale: row.stale,
    duplicateRate: pct(row.duplicates, row.customers),
    staleRate: pct(row.stale, row.customers),
  };
}

const EMPTY: GroupRow = {
  is_total: true,
  id: null,
  name: null,
  customers: 0,
  completeness: 0,
  complete: 0,
  duplicates: 0,
  stale: 0,
};

/**
 * Data quality (数据质量): the workspace's rules (everyone reads them, admins change them: audited,
 * versioned), each customer's score through the customer gate, and figures and the list of records to
 * fix over the customers the caller may see. Duplicate suspicion comes from the duplicates engine's
 * pairs, brought up to date before each read that uses them (quality.duplicates.ts).
 */
export function createQualityService(
  repo: QualityRepository,
  gate: CustomerGateApi,
  now: () => Date = () => new Date(),
) {
  const db = repo.db;

  async function settingsOf(workspaceId: number): Promise<SettingsRow> {
    return (await repo.getSettings(db, workspaceId)) ?? { ...DEFAULTS, version: 1, updatedAt: null };
  }

  async function scopeOf(workspaceId: number): Promise<SettingsRow & Scope> {
    const [settings, timeZone] = await Promise.all([settingsOf(workspaceId), repo.timeZone(workspaceId)]);
    const cutoffDay = staleCutoffDay(todayIn(timeZone, now()), settings.staleDays);
    return { ...settings, timeZone, cutoffDay };
  }

  /** Every `custom:<key>` must name a custom field of the workspace: a 422 on the item otherwise. */
  async function checkCustomFields(conn: Tx, workspaceId: number, fields: readonly string[]) {
    if (!fields.some((f) => f.startsWith(CUSTOM_PREFIX))) return;
    const keys = new Set(await repo.customFieldKeys(conn, workspaceId));
    const errors: FieldError[] = fields.flatMap((f, i) => {
      const key = customFieldKey(f);
      return key !== null && !keys.has(key)
        ? [{ field: `requiredFields.${i}`, message: QUALITY_MSG.unknownField }]
        : [];
    });
    if (errors.length) throw validationError(errors);
  }

  return {
    settings: (actor: Actor) => settingsOf(actor.workspaceId),

    async updateSettings(actor: Actor, input: UpdateQualitySettings) {
      if (!canManageSettings(actor)) throw forbidden();
      return db.transaction(async (tx) => {
        if (input.requiredFields) await checkCustomFields(tx, actor.workspaceId, input.requiredFields);
        const before = await repo.lockSettings(tx, actor.workspaceId, DEFAULTS);
        if (before.version !== input.version) throw versionConflict(before.version);
        const set: Partial<Pick<SettingsRow, 'requiredFields' | 'staleDays'>> = {};
        if (input.requiredFields && input.requiredFields.join() !== before.requiredFields.join())
          set.requiredFields = input.requiredFields;
        if (input.staleDays !== undefined && input.staleDays !== before.staleDays)
          set.staleDays = input.staleDays;
        if (Object.keys(set).length === 0) return before;
        const after = await repo.updateSettings(tx, actor, set);
        const snap = (s: SettingsRow) => ({ requiredFields: s.requiredFields, staleDays: s.staleDays });
        await recordAudit(tx, actor, {
          entity: 'quality_settings',
          entityId: actor.workspaceId,
          action: 'update',
          before: snap(before),
          after: snap(after),
        });
        return after;
      });
    },

    /** One customer's score; a customer the actor may not see is a 404 (the gate logs the look). */
    async customerQuality(actor: Actor, customerId: number) {
      await gate.require(actor, customerId, 'read');
      const [scope] = await Promise.all([
        scopeOf(actor.workspaceId),
        repo.refreshDuplicates(actor.workspaceId),
      ]);
      const [facts, reasons] = await Promise.all([
        repo.customerFacts(actor.workspaceId, customerId, scope.timeZone),
        repo.duplicateReasons(actor.workspaceId, customerId),
      ]);
      if (!facts) throw notFound();
      const today = todayIn(scope.timeZone, now());
      const score = scoreCustomer(facts, scope, today, reasons);
      return { customerId, staleDays: scope.staleDays, ...score };
    },

    async summary(actor: Actor, groupBy: QualityGroupBy): Promise<QualitySummary> {
      const [scope] = await Promise.all([
        scopeOf(actor.workspaceId),
        repo.refreshDuplicates(actor.workspaceId),
      ]);
      const rows = await repo.summary(actor, scope, groupBy);
      const total = rows.find((r) => r.is_total) ?? EMPTY;
      return {
        groupBy,
        requiredFields: scope.requiredFields,
        staleDays: scope.staleDays,
        total: figures(total),
        groups: rows.filter((r) => !r.is_total).map((r) => ({ id: r.id, name: r.name, ...figures(r) })),
      };
    },

    async issues(actor: Actor, query: QualityIssuesQuery) {
      const after = query.cursor ? readCursor(query.cursor, ['id', 'id', 'id'] as const) : null;
      const [scope] = await Promise.all([
        scopeOf(actor.workspaceId),
        repo.refreshDuplicates(actor.workspaceId),
      ]);
      const rows = await repo.issues(
        actor,
        scope,
        { kind: query.kind, owner: query.owner },
        after ? { problems: after[0], missing: after[1], id: after[2] } : null,
        query.limit + 1,
      );
      const required = scope.requiredFields.length;
      const items: QualityIssue[] = rows.slice(0, query.limit).map((r) => {
        const problems: Problem[] = [];
        if (r.missing.length > 0) problems.push('incomplete');
        if (r.stale) problems.push('stale');
        if (r.dup) problems.push('duplicate');
        return {
          customerId: r.customer_id,
          code: r.code,
          name: r.name,
          ownerId: r.owner_id,
          ownerName: r.owner_name,
          completeness: required === 0 ? 1 : (required - r.missing.length) / required,
          missing: r.missing,
          stale: r.stale,
          duplicate: r.dup,
          problems,
        };
      });
      const last = rows.length > query.limit ? rows[query.limit - 1] : undefined;
      return {
        items,
        nextCursor: last ? encodeCursor([last.problems, last.missing.length, last.customer_id]) : null,
      };
    },
  };
}

export type QualityService = ReturnType<typeof createQualityService>;
