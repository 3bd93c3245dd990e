export * from './progress';
export * from './json';
export * from './csv';
export * from './markdown';
export * from './parse-import';
export * from './json-locate';
export * from './unsafe-links';
export * from './zip';
