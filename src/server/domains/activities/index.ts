import type { Db } from '../../../db/client';
import type { CustomerGateApi } from '../customers/customers.access';
import { createActivitiesRepository } from './activities.repository';
import { createActivitiesService } from './activities.service';

export { type ActivityRow, recentActivitiesOfCustomer } from './activities.repository';
export { activitiesRoutes } from './activities.routes';
export type { ActivitiesService } from './activities.service';

export const createActivities = (db: Db, gate: CustomerGateApi) =>
  createActivitiesService(createActivitiesRepository(db), gate);
