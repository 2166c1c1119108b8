import { and, arrayContains, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { branches, contacts, customers, customerTeamMembers, users } from '../../../db/schema';
import { customerAccess } from '../../../shared/auth/policy';
import type { Actor } from '../../../shared/auth/roles';
import { normalizePhone } from '../../../shared/contacts/contact.schema';
import { CustomerListQuerySchema } from '../../../shared/customers/customer.schema';
import { distinctivePart } from '../../../shared/customers/legal-form';
import type {
  SIMILAR_REASONS,
  SimilarCustomer,
  SimilarCustomersQuery,
} from '../../../shared/customers/similar.schema';
import { isValidUnifiedCreditCode } from '../../../shared/customers/tax-id';
import { pairScore } from '../../../shared/duplicates/duplicate.schema';
import { nameKey } from '../../../shared/duplicates/name-key';
import type { CustomersRepository } from './customers.repository';

type Reason = (typeof SIMILAR_REASONS)[number];

/** Per kind of match: enough to warn, too few to page through the workspace with. */
const PER_KIND = 5;

/**
 * 查重 before a customer is created: existing customers with the same tax ID, a contact with the same
 * phone, or a name that contains the new name's distinctive part. They are looked for in the whole
 * workspace, not only among the caller's customers: a second record of a company usually belongs to
 * another rep, and the caller is told whose it is — but gets no id for a customer they may not see.
 */
export function createSimilarCustomers(db: Db, repo: CustomersRepository) {
  async function byTaxId(workspaceId: number, taxId: string): Promise<number[]> {
    const rows = await db
      .select({ id: customers.id })
      .from(customers)
      .where(
        and(eq(customers.workspaceId, workspaceId), eq(customers.taxId, taxId), isNull(customers.deletedAt)),
      )
      .limit(PER_KIND);
    return rows.map((r) => r.id);
  }

  async function byPhone(workspaceId: number, phone: string): Promise<number[]> {
    const rows = await db
      .selectDistinct({ id: contacts.customerId })
      .from(contacts)
      .innerJoin(
        customers,
        and(eq(customers.workspaceId, contacts.workspaceId), eq(customers.id, contacts.customerId)),
      )
      .where(
        and(
          eq(contacts.workspaceId, workspaceId),
          arrayContains(contacts.phones, [phone]),
          isNull(contacts.deletedAt),
          isNull(customers.deletedAt),
        ),
      )
      .limit(PER_KIND);
    return rows.map((r) => r.id);
  }

  /** The ranked search, workspace-wide, for the name without its legal form (有限公司 …). */
  async function byName(actor: Actor, name: string): Promise<number[]> {
    const distinctive = distinctivePart(name.normalize('NFKC').replace(/\s+/g, ''));
    if (!distinctive) return [];
    const everyone: Actor = { ...actor, role: 'analyst' };
    const page = await repo.list(
      everyone,
      CustomerListQuerySchema.parse({ q: distinctive, limit: PER_KIND }),
    );
    return page.items.map((c) => c.id);
  }

  /** Look-alike names by the trigram similarity of their keys (有限公司, widths, spaces left out). */
  async function byNameKey(workspaceId: number, key: string): Promise<number[]> {
    const rows = await db
      .select({ id: customers.id })
      .from(customers)
      .where(
        and(
          eq(customers.workspaceId, workspaceId),
          sql`${customers.nameKey} % ${key}`,
          isNull(customers.deletedAt),
        ),
      )
      .orderBy(desc(sql`similarity(${customers.nameKey}, ${key})`), customers.id)
      .limit(PER_KIND);
    return rows.map((r) => r.id);
  }

  async function describe(actor: Actor, ids: number[], key: string) {
    const ws = actor.workspaceId;
    const [rows, team] = await Promise.all([
      db
        .select({
          nameSimilarity: sql<number>`similarity(${customers.nameKey}, ${key})::float8`,
          id: customers.id,
          code: customers.code,
          name: customers.name,
          ownerId: customers.ownerId,
          branchId: customers.branchId,
          ownerName: users.name,
          branchName: branches.name,
        })
        .from(customers)
        .leftJoin(users, and(eq(users.workspaceId, customers.workspaceId), eq(users.id, customers.ownerId)))
        .leftJoin(
          branches,
          and(eq(branches.workspaceId, customers.workspaceId), eq(branches.id, customers.branchId)),
        )
        .where(and(eq(customers.workspaceId, ws), inArray(customers.id, ids))),
      db
        .select({ customerId: customerTeamMembers.customerId, userId: customerTeamMembers.userId })
        .from(customerTeamMembers)
        .where(and(eq(customerTeamMembers.workspaceId, ws), inArray(customerTeamMembers.customerId, ids))),
    ]);
    return rows.map((r) => {
      const teamUserIds = team.filter((m) => m.customerId === r.id).map((m) => m.userId);
      const visible =
        customerAccess(actor, { ownerId: r.ownerId, branchId: r.branchId, teamUserIds }) !== 'none';
      return { ...r, visible };
    });
  }

  return async function similar(actor: Actor, query: SimilarCustomersQuery): Promise<SimilarCustomer[]> {
    const phone = query.phone ? normalizePhone(query.phone) : '';
    const key = query.name ? nameKey(query.name) : '';
    // Sequential on purpose: the embedded database runs one statement at a time anyway.
    const found: [Reason, number[]][] = [
      [
        'taxId',
        query.taxId && isValidUnifiedCreditCode(query.taxId)
          ? await byTaxId(actor.workspaceId, query.taxId)
          : [],
      ],
      ['phone', /^\+?\d{7,20}$/.test(phone) ? await byPhone(actor.workspaceId, phone) : []],
      ['name', query.name ? await byName(actor, query.name) : []],
      ['name', key.length >= 2 ? await byNameKey(actor.workspaceId, key) : []],
    ];
    const reasons = new Map<number, Reason[]>();
    for (const [reason, ids] of found)
      for (const id of ids) {
        const had = reasons.get(id) ?? [];
        if (!had.includes(reason)) reasons.set(id, [...had, reason]);
      }
    if (reasons.size === 0) return [];
    const rows = new Map((await describe(actor, [...reasons.keys()], key)).map((r) => [r.id, r]));
    // Best score first (tax ID, phone and name similarity as in the duplicates list); ties in the order found.
    const scored = [...reasons.entries()].flatMap(([id, why]) => {
      const r = rows.get(id);
      if (!r) return [];
      const nameSimilarity = why.includes('name') ? Math.round(Number(r.nameSimilarity) * 1000) / 1000 : null;
      const score = pairScore(why.map((kind) => ({ kind, similarity: nameSimilarity })));
      return [
        {
          id: r.visible ? r.id : null,
          code: r.code,
          name: r.name,
          ownerName: r.ownerName,
          branchName: r.branchName,
          visible: r.visible,
          reasons: why,
          score,
          nameSimilarity,
        },
      ];
    });
    return scored.sort((a, b) => b.score - a.score);
  };
}

export type SimilarCustomers = ReturnType<typeof createSimilarCustomers>;
