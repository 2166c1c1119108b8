import { defineErrors } from '../../errors';

export const demoErrors = defineErrors({
  workspace_not_empty: {
    status: 409,
    en: (p) =>
      `Workspace ${p.workspaceId} already has customers or products; demo data is only loaded into an empty workspace.`,
    zh: (p) => `工作空间 ${p.workspaceId} 已有客户或产品数据，演示数据只能导入空的工作空间。`,
  },
  demo_user_elsewhere: {
    status: 409,
    en: (p) => `The demo login ${p.email} already belongs to workspace ${p.workspaceId}.`,
    zh: (p) => `演示账号 ${p.email} 已属于工作空间 ${p.workspaceId}。`,
  },
});
