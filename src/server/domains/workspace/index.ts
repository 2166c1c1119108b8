import type { Db } from '../../../db/client';
import { createWorkspaceRepository } from './workspace.repository';
import { createWorkspaceService } from './workspace.service';

export { workspaceRoutes } from './workspace.routes';
export type { WorkspaceService } from './workspace.service';

export const createWorkspace = (db: Db, onChanged: (workspaceId: number) => void = () => {}) =>
  createWorkspaceService(createWorkspaceRepository(db), onChanged);
