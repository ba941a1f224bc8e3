export * from './audit';
export * from './caller';
export * from './clock';
export * from './errors';
export * from './ids';
export * from './money';
export * from './page';
export * from './versioned';
