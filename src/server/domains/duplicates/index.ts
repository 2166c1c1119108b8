export { duplicatesRoutes } from './duplicates.routes';
export { pairsNeedRefresh, refreshPairs } from './duplicates.scan';
export { createDuplicatesService, type DuplicatesService } from './duplicates.service';
export { findDuplicatesForStaging, type StagingDuplicate } from './duplicates.staging';
