export * from './capture';
export * from './tag';
export * from './collection';
export * from './export-file';
export * from './sync';
export * from './api';
export * from './merge-draft';
export * from './content-key';
