import { asc } from 'drizzle-orm';
import type { Db } from './client';
import { workspaces } from './schema';

/** Kehu always has at least one workspace; the first one is the default for logins and CLI work. */
export async function ensureDefaultWorkspace(db: Db): Promise<number> {
  const [existing] = await db
    .select({ id: workspaces.id })
    .from(workspaces)
    .orderBy(asc(workspaces.id))
    .limit(1);
  if (existing) return existing.id;
  const [created] = await db
    .insert(workspaces)
    .values({ slug: 'default', name: 'Default workspace' })
    .onConflictDoNothing()
    .returning({ id: workspaces.id });
  if (created) return created.id;
  return ensureDefaultWorkspace(db);
}
