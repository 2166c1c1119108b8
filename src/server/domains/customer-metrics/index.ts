/** Per-customer metrics (kept by the triggers of migration 0010) and what the value engine reads from them. */
export { rebuildCustomerMetrics } from './metrics.rebuild';
export { readValueInputs, type ValueInputsParams } from './value-inputs';
