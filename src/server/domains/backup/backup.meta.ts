import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrationsFolder } from '../../../db/migrate';
import type { MigrationStamp } from './backup.format';
import type { CopySession } from './backup.session';

type Journal = { entries: { idx: number; when: number; tag: string }[] };

let version: string | undefined;

/** The version in Kehu's package.json. */
export function kehuVersion(): string {
  version ??= (
    JSON.parse(readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    }
  ).version;
  return version;
}

function journal(): Journal {
  return JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as Journal;
}

/** The latest migration applied to the database, named by its tag in drizzle/meta/_journal.json. */
export async function latestMigration(s: Pick<CopySession, 'rows'>): Promise<MigrationStamp | null> {
  const [exists] = await s.rows<{ ok: boolean }>(
    `select to_regclass('drizzle.__drizzle_migrations') is not null as ok`,
  );
  if (!exists?.ok) return null;
  const [row] = await s.rows<{ hash: string; created_at: string }>(
    'select hash, created_at::text as created_at from drizzle.__drizzle_migrations order by created_at desc limit 1',
  );
  if (!row) return null;
  const createdAt = Number(row.created_at);
  const tag = journal().entries.find((e) => e.when === createdAt)?.tag ?? null;
  return { tag, hash: row.hash, createdAt };
}
