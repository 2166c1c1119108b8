import type { Db } from '../../../db/client';
import type { CustomerGateApi } from '../customers/customers.access';
import { createQualityRepository } from './quality.repository';
import { createQualityService } from './quality.service';

export { qualityRoutes } from './quality.routes';
export type { QualityService } from './quality.service';

export const createQuality = (db: Db, gate: CustomerGateApi, now?: () => Date) =>
  createQualityService(createQualityRepository(db), gate, now);
