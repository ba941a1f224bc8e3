export { createBiddingContext } from './container/bidding';
export { createChainMapContext } from './container/chain-map';
export type { CoreContext } from './container/core';
export { createDiscoveryContext } from './container/discovery';
export { createDocumentsContext } from './container/documents';
export { createExposContext } from './container/expos';
export {
  CONTEXT_BUILDERS,
  type Container,
  type ContextBuilders,
  type ContextName,
  composeContainer,
  createContainer,
} from './container/index';
export { createMailContext, type MailContext } from './container/mail';
export { createMarketContext } from './container/market';
