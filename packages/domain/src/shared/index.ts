export * from './geo';
export * from './locale';
