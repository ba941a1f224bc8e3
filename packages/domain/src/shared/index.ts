export * from './geo';
export * from './locale';
export * from './units';
