export * from './amendment';
export * from './need';
export * from './need.service';
export * from './need-events';
export * from './need-requests';
export * from './ports';
export * from './viewer';
export * from './visibility';
