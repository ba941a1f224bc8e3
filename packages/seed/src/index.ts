import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Container } from '@parkbridge/runtime';
import { seedBidding } from './bidding.seed';
import { seedChainMap } from './chain-map.seed';
import { seedExpos } from './expos.seed';
import { seedFoundation, seedOperator } from './foundation.seed';
import { seedMarket } from './market.seed';
import { seedOfferings } from './offerings.seed';
import { seedPeople } from './people.seed';

export {
  DEMO_FIRMS,
  DEMO_FOUR_EYES,
  DEMO_LOGINS,
  DEMO_OPERATOR_EMAIL,
  DEMO_PARKS,
  DEMO_PENDING_INVITATION,
  demoPeople,
} from './demo-data';
export type { DemoWorld } from './world';

/** Loads the demo marketplace once: a marker item makes a second start with kept data skip it. */
export async function seedDemo(app: Container): Promise<string> {
  if (!(await claimSeed(app, 'demo'))) return 'kept from an earlier run';
  const world = await seedFoundation(app);
  await seedPeople(app, world);
  const market = await seedMarket(app, world);
  await seedBidding(app, world, market);
  await seedExpos(app, world);
  await seedChainMap(app, world);
  await seedOfferings(app, world);
  return `loaded: ${Object.keys(world.parks).length} parks, ${Object.keys(world.firms).length} firms`;
}

export async function seedOperatorOnly(app: Container): Promise<string> {
  await seedOperator(app);
  return 'none (the demo operator account only)';
}

async function claimSeed(app: Container, name: string): Promise<boolean> {
  try {
    await app.db.doc.send(
      new PutCommand({
        TableName: app.db.tableName,
        Item: { pk: 'SEED', sk: name, type: 'seed', at: app.clock.now().toISOString() },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) return false;
    throw err;
  }
}
