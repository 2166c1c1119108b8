export { duplicatesRoutes } from './duplicates.routes';
export { createDuplicatesService, type DuplicatesService } from './duplicates.service';
export { findDuplicatesForStaging, type StagingDuplicate } from './duplicates.staging';
export { refreshPairs } from './duplicates.scan';
