import type { Db } from '../../../db/client';
import { createSavedViewsRepository } from './saved-views.repository';
import { createSavedViewsService } from './saved-views.service';

export { savedViewsRoutes } from './saved-views.routes';
export type { SavedViewsService } from './saved-views.service';

export const createSavedViews = (db: Db) => createSavedViewsService(createSavedViewsRepository(db));
