import type { Container } from '@parkbridge/runtime';
import type { DemoWorld } from './world';

/** The market context's demo data. Filled in by the market work. */
export async function seedMarket(_app: Container, _world: DemoWorld): Promise<void> {}
