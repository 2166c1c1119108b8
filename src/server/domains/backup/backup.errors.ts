import { defineErrors } from '../../errors';

export const backupErrors = defineErrors({
  unreadable: {
    status: 422,
    en: (p) => `Not a readable Kehu backup: ${p.reason}.`,
    zh: (p) => `不是可读取的 Kehu 备份：${p.reason}。`,
  },
  target_not_empty: {
    status: 409,
    en: (p) =>
      `The target database already holds data (table ${p.table}). Restore only into an empty database, ` +
      'or pass --force to delete everything in it first.',
    zh: (p) => `目标数据库已有数据（表 ${p.table}）。只能恢复到空数据库，或使用 --force 先清空其中所有数据。`,
  },
  newer_backup: {
    status: 422,
    en: (p) =>
      `The backup was made by a newer Kehu (migration ${p.backup}) than this one (migration ${p.target}); ` +
      'upgrade Kehu before restoring it.',
    zh: (p) => `该备份来自更新版本的 Kehu（迁移 ${p.backup}，当前为 ${p.target}），请先升级 Kehu 再恢复。`,
  },
  unknown_column: {
    status: 422,
    en: (p) => `The backup has ${p.what} that this version of Kehu does not know.`,
    zh: (p) => `备份中包含当前版本 Kehu 不认识的${p.what}。`,
  },
  count_mismatch: {
    status: 422,
    en: (p) => `Table ${p.table} should hold ${p.expected} rows after the restore but holds ${p.actual}.`,
    zh: (p) => `恢复后表 ${p.table} 应有 ${p.expected} 行，实际为 ${p.actual} 行。`,
  },
});

export const unreadable = (reason: string) => backupErrors.error('unreadable', { reason });
