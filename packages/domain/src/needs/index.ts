export * from './need';
