export * from './activities';
export * from './audit';
export * from './contacts';
export * from './customers';
export * from './imports';
export * from './orders';
export * from './org';
export * from './saved-views';
