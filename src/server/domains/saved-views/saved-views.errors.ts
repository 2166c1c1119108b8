import { MAX_VIEWS_PER_LIST } from '../../../shared/saved-views/saved-view.schema';
import { defineErrors } from '../../errors';

export const savedViewErrors = defineErrors({
  too_many_views: {
    status: 409,
    en: `You have ${MAX_VIEWS_PER_LIST} views of this list already; delete one before saving another.`,
    zh: `此列表您已保存 ${MAX_VIEWS_PER_LIST} 个视图，请先删除一个再保存。`,
  },
});
