import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { restoreDatabase } from '../../server/domains/backup/backup.service';
import { CliError, type DbCliOptions, databaseUrlOption, dataDirOption, withContext } from '../context';
import { count, tableBars } from './progress';

type RestoreCliOptions = DbCliOptions & { force?: boolean };

export async function runRestore(file: string, options: RestoreCliOptions): Promise<void> {
  const path = resolve(file);
  if (!existsSync(path)) throw new CliError(`No such file: ${path}`);
  await withContext(options, async ({ handle, description }) => {
    const bars = tableBars('Restoring');
    const header = await restoreDatabase(handle, path, {
      force: options.force,
      onStart: (h) =>
        console.error(
          `Restoring a backup of Kehu ${h.kehuVersion} (${h.source}, ${h.createdAt}, migration ${h.migration?.tag ?? 'none'})`,
        ),
      onProgress: (p) => bars.update(p),
    }).finally(() => bars.stop());
    const rows = header.sections.filter((s) => s.kind === 'rows');
    const total = rows.reduce((sum, s) => sum + s.rows, 0);
    console.log(`Restored ${count(total)} rows in ${rows.length} tables into the ${description}.`);
    if (header.skipped.length > 0)
      console.log(
        `Not in the backup: ${header.skipped.join(', ')}` +
          ' (sessions: sign in again; the name windows and customer metrics were rebuilt from the customers, orders and activities).',
      );
  });
}

export function restoreCommand(): Command {
  return new Command('restore')
    .description(
      'load a backup made by `kehu backup` (from either database kind) into an empty database, in one transaction',
    )
    .argument('<file>', 'the backup file')
    .option('--force', 'delete everything the database holds first (no undo)')
    .addOption(dataDirOption())
    .addOption(databaseUrlOption())
    .action((file: string, _o: RestoreCliOptions, cmd: Command) => runRestore(file, cmd.optsWithGlobals()));
}
