import type { Db } from '../../../db/client';
import type { CustomerGateApi } from '../customers/customers.access';
import type { ProductLookup } from './orders.pricing';
import { createOrdersRepository } from './orders.repository';
import { createOrdersService } from './orders.service';

export {
  monthlyRevenueOfCustomer,
  type OrderTotals,
  orderTotalsJson,
  orderTotalsOfCustomer,
  readOrderTotals,
  recentOrdersOfCustomer,
} from './orders.repository';
export { ordersRoutes } from './orders.routes';
export type { OrdersService } from './orders.service';

export const createOrders = (db: Db, gate: CustomerGateApi, products: ProductLookup) =>
  createOrdersService(createOrdersRepository(db), gate, products);
