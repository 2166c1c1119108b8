import { defineErrors } from '../../errors';

export const contactErrors = defineErrors({
  contact_customer_deleted: {
    status: 409,
    en: "This contact's customer was deleted; restore the customer before changing its contacts.",
    zh: '该联系人所属的客户已删除，请先恢复客户再修改联系人。',
  },
  contact_deleted: {
    status: 409,
    en: 'This contact was deleted; restore it before changing it.',
    zh: '该联系人已删除，请先恢复再修改。',
  },
  contact_not_deleted: { status: 409, en: 'This contact is not deleted.', zh: '该联系人未被删除。' },
});
