import { defineErrors } from '../../errors';

export const valueErrors = defineErrors({
  run_in_progress: {
    status: 409,
    en: 'A classification of this workspace is running already; wait for it to finish and try again.',
    zh: '本工作区正在进行价值分类，请等待其完成后再试。',
  },
  builtin_matrix: {
    status: 409,
    en: 'A built-in matrix cannot be deleted; switch it off instead.',
    zh: '内置矩阵不能删除，可以停用。',
  },
  matrix_key_taken: {
    status: 409,
    en: (p) => `Another matrix has the key ${p.key}.`,
    zh: (p) => `已有矩阵使用键 ${p.key}。`,
  },
  matrix_key_fixed: {
    status: 409,
    en: 'A matrix keeps its key (policies and past runs refer to it); create another matrix instead.',
    zh: '矩阵的键不能修改（策略和历史分类引用它），请另建矩阵。',
  },
  policy_target_taken: {
    status: 409,
    en: (p) => `There is a policy for ${p.target} already; change that one.`,
    zh: (p) => `已有针对 ${p.target} 的策略，请修改该策略。`,
  },
  no_runs: {
    status: 404,
    en: 'No finished classification run yet; run the classification first.',
    zh: '尚无已完成的价值分类，请先运行分类。',
  },
  two_runs_needed: {
    status: 404,
    en: 'Migration needs two finished classification runs.',
    zh: '迁移分析需要两次已完成的价值分类。',
  },
  engine_refused: {
    status: 422,
    en: (p) => `The stored settings cannot be used (${p.field}): ${p.en}. Correct them and run again.`,
    zh: (p) => `已保存的设置无法使用（${p.field}）：${p.zh}。请修改后重新运行。`,
  },
  may_not_classify: {
    status: 403,
    en: 'Only admins and managers may start a classification or change the value settings.',
    zh: '只有管理员和经理可以运行价值分类或修改价值设置。',
  },
});
