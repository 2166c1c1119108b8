import { defineErrors } from '../../errors';

export const orderErrors = defineErrors({
  duplicate_order_no: {
    status: 409,
    en: (p) => `Order number ${p.orderNo} is already used.`,
    zh: (p) => `订单号 ${p.orderNo} 已被使用。`,
  },
  order_customer_deleted: {
    status: 409,
    en: 'The customer of this order was deleted; restore the customer before adding or changing orders.',
    zh: '该订单所属客户已删除，请先恢复客户再新增或修改订单。',
  },
  order_deleted: {
    status: 409,
    en: 'This order was deleted.',
    zh: '该订单已删除。',
  },
});
