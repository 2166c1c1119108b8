import type { Db } from '../../../db/client';
import type { CustomerGateApi } from '../customers/customers.access';
import { createTasksRepository } from './tasks.repository';
import { createTasksService } from './tasks.service';

export { tasksRoutes } from './tasks.routes';
export type { TasksService } from './tasks.service';

export const createTasks = (db: Db, gate: CustomerGateApi) =>
  createTasksService(createTasksRepository(db), gate);
