/**
 * The four scenarios of the benchmark, built from the sampled workload.
 */
import type { Scenario } from './load';
import { rotation } from './terms';
import type { Workload } from './workload';

export const SCENARIOS = ['search', 'list', '360', 'activity-create'] as const;
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
