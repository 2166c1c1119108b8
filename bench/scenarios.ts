/**
 * The four scenarios of the benchmark, built from the sampled workload.
 */
import type { Scenario } from './load';
import { rotation } from './terms';
import type { Workload } from './workload';

/** What `kehu bench` runs unless told otherwise. */
export const DEFAULT_SCENARIOS = ['search', 'list', '360', 'activity-create'] as const;
/** Every scenario: the defaults, and the data-quality ones (set-wise over every visible customer). */
export const SCENARIOS = [
  ...DEFAULT_SCENARIOS,
  'quality-summary',
  'quality-issues',
  'quality-customer',
] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

/** Writes are bounded lower than reads so repeated runs barely grow the data set. */
export const MAX_WRITES = 5_000;

const enc = encodeURIComponent;

export function buildScenario(name: ScenarioName, workload: Workload): Scenario {
  switch (name) {
    case 'search': {
      const term = rotation(workload.terms);
      return {
        name,
        step: async (send) => {
          await send({ method: 'GET', path: `/api/v1/customers?q=${enc(term().q)}&limit=20` });
        },
      };
    }
    case 'list': {
      const province = rotation(workload.provinces);
      return {
        name,
        step: async (send) => {
          const path = `/api/v1/customers?status=active&province=${enc(province())}&sort=-updatedAt&limit=50`;
          const first = await send({ method: 'GET', path });
          const cursor = (first.body as { nextCursor?: string | null } | null)?.nextCursor;
          if (first.status === 200 && cursor) {
            await send({ method: 'GET', path: `${path}&cursor=${enc(cursor)}`, label: 'list (page 2)' });
          }
        },
      };
    }
    case '360': {
      const id = rotation(workload.customerIds);
      return {
        name,
        step: async (send) => {
          await send({ method: 'GET', path: `/api/v1/customers/${id()}/360` });
        },
      };
    }
    case 'quality-summary': {
      // The dashboard's figures for the whole workspace (the admin sees every customer), by each grouping.
      const groupBy = rotation(['owner', 'team', 'branch']);
      return {
        name,
        step: async (send) => {
          await send({ method: 'GET', path: `/api/v1/quality/summary?groupBy=${groupBy()}` });
        },
      };
    }
    case 'quality-issues': {
      const kind = rotation(['', '&kind=incomplete', '&kind=stale', '&kind=duplicate']);
      return {
        name,
        step: async (send) => {
          await send({ method: 'GET', path: `/api/v1/quality/issues?limit=20${kind()}` });
        },
      };
    }
    case 'quality-customer': {
      const id = rotation(workload.customerIds);
      return {
        name,
        step: async (send) => {
          await send({ method: 'GET', path: `/api/v1/customers/${id()}/quality` });
        },
      };
    }
    case 'activity-create': {
      const id = rotation(workload.customerIds);
      return {
        name,
        maxRequests: MAX_WRITES,
        step: async (send) => {
          const body = {
            customerId: id(),
            type: 'call',
            subject: 'Benchmark call (kehu bench)',
            occurredAt: new Date().toISOString(),
          };
          await send({ method: 'POST', path: '/api/v1/activities', body });
        },
      };
    }
  }
}
