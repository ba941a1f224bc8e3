export * from './geo';
export * from './locale';
export * from './terms';
export * from './units';
