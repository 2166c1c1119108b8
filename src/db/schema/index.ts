export * from './activities';
export * from './audit';
export * from './contacts';
export * from './customers';
export * from './orders';
export * from './org';
export * from './saved-views';
export * from './imports';
