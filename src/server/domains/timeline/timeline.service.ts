import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { type Param, preparedText } from '../../../db/plan-cache';
import type { Actor } from '../../../shared/auth/roles';
import { encodeCursor } from '../../../shared/common/pagination';
import type { TimelineQuery } from '../../../shared/customers/customer360.schema';
import { PG_TIMESTAMPTZ, readCursor } from '../../cursor';
import { contactsOfCustomerJson, readContacts } from '../contacts';
import { localDay } from '../customers/customer-codes';
import type { CustomersService } from '../customers/customers.service';
import { monthlyRevenueOfCustomer, orderTotalsJson, readOrderTotals } from '../orders';
import {
  openItemsJson,
  readOpenItems,
  readTimeline,
  type TimelineKey,
  timelineJson,
  timelineOfCustomer,
  workspaceTimeZone,
} from './timeline.repository';

/** How many of the latest timeline entries the 360 view shows. */
const TIMELINE_IN_360 = 20;

const isoDay = (d: { year: number; month: number; day: number }) =>
  `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

function parseCursor(cursor: string | undefined): TimelineKey | undefined {
  if (!cursor) return undefined;
  const [at, kind, id] = readCursor(cursor, [PG_TIMESTAMPTZ, /^(activity|order)$/, 'id']);
  return { at, kind, id };
}

/** The customer's timeline and 360° view; access is the customer's (checked by `customers.get`). */
export function createTimelineService(db: Db, customers: CustomersService) {
  // A workspace's time zone changes rarely; asking for it on every 360 view would be a wasted round trip.
  const zones = new Map<number, { tz: string; until: number }>();
  async function timeZoneOf(workspaceId: number): Promise<string> {
    const hit = zones.get(workspaceId);
    if (hit && hit.until > Date.now()) return hit.tz;
    const tz = await workspaceTimeZone(db, workspaceId);
    zones.set(workspaceId, { tz, until: Date.now() + 60_000 });
    return tz;
  }

  // Built once: the statement does not change with the customer, only its values do.
  const view360Statement = preparedText(
    ['ws', 'id', 'tz', 'today'],
    (p) => {
      const [ws, id, tz, today] = [p.ws, p.id, p.tz, p.today] as [
        Param<number>,
        Param<number>,
        Param<string>,
        Param<string>,
      ];
      return sql`select json_build_object(
      'profile', ${customers.profileJson(ws, id)},
      'contacts', ${contactsOfCustomerJson(db, ws, id)},
      'timeline', ${timelineJson({ workspaceId: ws, customerId: id, timeZone: tz, limit: TIMELINE_IN_360 })},
      'orderTotals', ${orderTotalsJson(ws, id, today)},
      'openItems', ${openItemsJson({ workspaceId: ws, customerId: id, today, timeZone: tz })})::text`;
    },
    'generic', // the plan does not depend on which customer
  );

  async function page(actor: Actor, customerId: number, query: TimelineQuery, timeZone: string) {
    const rows = await timelineOfCustomer(db, {
      workspaceId: actor.workspaceId,
      customerId,
      timeZone,
      limit: query.limit,
      after: parseCursor(query.cursor),
      kind: query.kind,
    });
    const more = rows.length > query.limit;
    const items = rows.slice(0, query.limit);
    const last = items[items.length - 1];
    return {
      items: items.map(({ key: _k, ...entry }) => entry),
      nextCursor: more && last ? encodeCursor([last.key.at, last.key.kind, last.key.id]) : null,
    };
  }

  return {
    /** After the workspace's settings change: the next view reads the time zone anew. */
    forgetTimeZone(workspaceId: number) {
      zones.delete(workspaceId);
    },
    /** Monthly revenue up to this month in the workspace's time zone, for the 360 page's chart. */
    async revenueByMonth(actor: Actor, customerId: number, months: number) {
      await customers.gate.require(actor, customerId, 'read');
      const today = isoDay(localDay(new Date(), await timeZoneOf(actor.workspaceId)));
      return { months: await monthlyRevenueOfCustomer(db, actor.workspaceId, customerId, months, today) };
    },

    async timeline(actor: Actor, customerId: number, query: TimelineQuery) {
      await customers.gate.require(actor, customerId, 'read');
      return page(actor, customerId, query, await timeZoneOf(actor.workspaceId));
    },

    /**
     * Everything comes from ONE statement with a kept plan: on the embedded database each
     * statement costs a round trip and a plan, which cost more than the reading (see db/plan-cache.ts).
     */
    async view360(actor: Actor, customerId: number) {
      const timeZone = await timeZoneOf(actor.workspaceId);
      const today = isoDay(localDay(new Date(), timeZone));
      const ws = actor.workspaceId;
      const json = await view360Statement(db, { ws, id: customerId, tz: timeZone, today });
      const parts = JSON.parse(json!) as Record<
        'profile' | 'contacts' | 'timeline' | 'orderTotals' | 'openItems',
        unknown
      >;
      // Checked on the row the statement read: a hidden customer is a 404 and nothing of it leaves.
      const profile = customers.visibleProfile(actor, customerId, parts.profile);
      return {
        profile,
        contacts: readContacts(parts.contacts),
        timeline: readTimeline(parts.timeline)
          .slice(0, TIMELINE_IN_360)
          .map(({ key: _k, ...entry }) => entry),
        orderTotals: readOrderTotals(parts.orderTotals),
        openItems: readOpenItems(parts.openItems),
      };
    },
  };
}

export type TimelineService = ReturnType<typeof createTimelineService>;
