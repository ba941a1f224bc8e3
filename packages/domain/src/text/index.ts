export * from './normalize';
export * from './words';
