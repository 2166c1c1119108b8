import type { Db } from '../../../db/client';
import { createProductsRepository } from './products.repository';
import { createProductsService } from './products.service';

export { productsRoutes } from './products.routes';
export type { ProductsService } from './products.service';

export const createProducts = (db: Db) => createProductsService(createProductsRepository(db));
