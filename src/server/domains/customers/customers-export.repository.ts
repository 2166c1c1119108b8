import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { branches, contacts, users, workspaces } from '../../../db/schema';

/** What an export adds to the list's rows: names for ids, the primary contact's phone, the time zone. */
export function createCustomersExportRepository(db: Db) {
  return {
    async timeZone(workspaceId: number): Promise<string> {
      const [row] = await db
        .select({ tz: workspaces.timeZone })
        .from(workspaces)
        .where(eq(workspaces.id, workspaceId));
      return row?.tz ?? 'Asia/Shanghai';
    },

    userNames(workspaceId: number, ids: number[]) {
      if (!ids.length) return Promise.resolve([]);
      return db
        .select({ id: users.id, name: users.name })
        .from(users)
        .where(and(eq(users.workspaceId, workspaceId), inArray(users.id, ids)));
    },

    branchNames(workspaceId: number, ids: number[]) {
      if (!ids.length) return Promise.resolve([]);
      return db
        .select({ id: branches.id, name: branches.name })
        .from(branches)
        .where(and(eq(branches.workspaceId, workspaceId), inArray(branches.id, ids)));
    },

    /** The phones of each customer's live primary contact (customers the caller already may see). */
    primaryPhones(workspaceId: number, customerIds: number[]) {
      if (!customerIds.length) return Promise.resolve([]);
      return db
        .select({ customerId: contacts.customerId, phones: contacts.phones })
        .from(contacts)
        .where(
          and(
            eq(contacts.workspaceId, workspaceId),
            inArray(contacts.customerId, customerIds),
            eq(contacts.isPrimary, true),
            isNull(contacts.deletedAt),
          ),
        );
    },
  };
}

export type CustomersExportRepository = ReturnType<typeof createCustomersExportRepository>;
