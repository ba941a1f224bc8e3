export * from './amendment';
export * from './amendment-dispatch';
export * from './need';
export * from './need.service';
export * from './need-requests';
export * from './ports';
export * from './viewer';
export * from './visibility';
