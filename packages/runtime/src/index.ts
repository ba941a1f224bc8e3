export { type Container, createContainer } from './container';
export type { CoreContext } from './container/core';
