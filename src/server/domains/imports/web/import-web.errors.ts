import { MAX_UPLOAD_BYTES } from '../../../../shared/imports/import-api.schema';
import { defineErrors } from '../../../errors';

const mb = Math.round(MAX_UPLOAD_BYTES / 1024 / 1024);

export const importErrors = defineErrors({
  file_too_large: {
    status: 413,
    en: `The file is larger than ${mb} MB; split it, or import it with the command line (kehu import).`,
    zh: `文件超过 ${mb} MB，请拆分后上传，或用命令行（kehu import）导入。`,
  },
  import_running: {
    status: 409,
    en: 'This file is being imported; wait for the run to end.',
    zh: '该文件正在导入，请等待本次导入结束。',
  },
  import_not_allowed: {
    status: 403,
    en: 'Your role may not import records of this kind.',
    zh: '您的角色无权导入此类记录。',
  },
});
