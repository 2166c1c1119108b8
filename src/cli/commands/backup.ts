import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { backupDatabase } from '../../server/domains/backup/backup.service';
import { CliError, type DbCliOptions, databaseUrlOption, dataDirOption, withContext } from '../context';
import { count, fileSize, tableBars } from './progress';

type BackupCliOptions = DbCliOptions & { force?: boolean };

export async function runBackup(file: string, options: BackupCliOptions): Promise<void> {
  const path = resolve(file);
  if (existsSync(path) && !options.force) {
    throw new CliError(`${path} already exists; pass --force to overwrite it.`);
  }
  await withContext(options, async ({ handle }) => {
    const bars = tableBars('Backing up');
    const summary = await backupDatabase(handle, path, { onProgress: (p) => bars.update(p) }).finally(() =>
      bars.stop(),
    );
    const rows = summary.header.sections.filter((s) => s.kind === 'rows');
    const total = rows.reduce((sum, s) => sum + s.rows, 0);
    const migration = summary.header.migration?.tag ?? 'none';
    console.log(
      `Backup written to ${path} (${fileSize(summary.bytes)}): ${count(total)} rows in ${rows.length} tables, ` +
        `schema at migration ${migration}.`,
    );
    console.log(
      `Not included: ${summary.header.skipped.join(', ')} (sessions: everyone signs in again after a restore; the name windows and customer metrics are rebuilt from the customers, orders and activities).`,
    );
  });
}

export function backupCommand(): Command {
  return new Command('backup')
    .description(
      'write a logical backup (gzip: a JSON header, then every table as CSV) that restores into the ' +
        'embedded database or a PostgreSQL server',
    )
    .argument('<file>', 'the backup file to write, e.g. kehu-2024-06-01.kehu.gz')
    .option('--force', 'overwrite the file when it exists')
    .addOption(dataDirOption())
    .addOption(databaseUrlOption())
    .action((file: string, _o: BackupCliOptions, cmd: Command) => runBackup(file, cmd.optsWithGlobals()));
}
