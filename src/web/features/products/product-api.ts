import { api } from '../../lib/api';
import type { ProductRow } from '../lists-api';

export type Product = ProductRow;

/** One product's cache key; the product page and the order lines that name it share it. */
export const productKey = (id: number | string) => ['products', 'one', String(id)];

export const getProduct = (id: number | string, signal?: AbortSignal) =>
  api<Product>(`/products/${encodeURIComponent(String(id))}`, { signal });
