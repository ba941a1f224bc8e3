import type { Container } from '@parkbridge/runtime';
import type { DemoWorld } from './world';

/** The bidding context's demo data. Filled in by the bidding work. */
export async function seedBidding(_app: Container, _world: DemoWorld): Promise<void> {}
