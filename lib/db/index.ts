export * from './database';
export * from './mutations';
export * from './queries';
export * from './bound';
export { isIncomplete, FLAGS, type Flag } from './merge';
