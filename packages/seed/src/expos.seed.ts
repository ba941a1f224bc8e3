import type { Container } from '@parkbridge/runtime';
import type { DemoWorld } from './world';

/** The expos context's demo data. Filled in by the expos work. */
export async function seedExpos(_app: Container, _world: DemoWorld): Promise<void> {}
