export * from './claim.attributes';
export * from './expo.keys';
export * from './expo.repository';
export * from './slot-edit.repository';
