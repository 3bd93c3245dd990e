export * from './types';
export * from './fold';
export * from './highlight';
export * from './search-doc';
export * from './facets';
export * from './search-index';
