import { Command } from 'commander';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/rows';
import { latestMigration } from '../../server/domains/backup/backup.meta';
import { type DbCliOptions, databaseUrlOption, dataDirOption, withContext } from '../context';

export async function runMigrate(options: DbCliOptions): Promise<void> {
  // Opening the database applies the migrations it lacks.
  await withContext(options, async ({ handle }) => {
    const rows = <T>(text: string) => queryRows<T>(handle.db, sql.raw(text));
    const latest = await latestMigration({ rows });
    const [applied] = await rows<{ n: number }>(
      'select count(*)::int as n from drizzle.__drizzle_migrations',
    );
    console.log(
      `Database schema is up to date: ${applied?.n ?? 0} migrations, the latest ${latest?.tag ?? 'none'}.`,
    );
  });
}

export function migrateCommand(): Command {
  return new Command('migrate')
    .description('apply the database migrations this version of Kehu needs (start does this too)')
    .addOption(dataDirOption())
    .addOption(databaseUrlOption())
    .action((_o: DbCliOptions, cmd: Command) => runMigrate(cmd.optsWithGlobals()));
}
