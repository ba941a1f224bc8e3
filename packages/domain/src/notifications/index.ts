export * from './kinds';
export * from './notification';
export * from './notification.service';
export * from './ports';
