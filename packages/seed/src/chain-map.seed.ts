import { rebuildChainMaps } from '@parkbridge/jobs/chain-map';
import type { Container } from '@parkbridge/runtime';
import type { DemoWorld } from './world';

/**
 * The demo parks' chain maps, recomputed from what the market and bidding seeds made. The
 * `chain-map` stream consumer keeps them up to date from then on (it also follows the seeds'
 * writes as they happen, when the server runs its jobs: the rebuild makes the maps whole at once,
 * including data kept from a run before the consumer existed). Call it after seedBidding.
 */
export async function seedChainMap(app: Container, world: DemoWorld): Promise<void> {
  await rebuildChainMaps(
    app,
    Object.values(world.parks).map((p) => p.parkId),
  );
}
