export * from './ports';
export * from './reputation';
