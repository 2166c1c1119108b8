export const ROLES = ['admin', 'manager', 'sales', 'service', 'analyst'] as const;
export type Role = (typeof ROLES)[number];

/** Who is acting: resolved from a session cookie or an API token on every request. */
export type Actor = {
  userId: number;
  workspaceId: number;
  role: Role;
  branchId: number | null;
  email: string;
  name: string;
};
