import { type Caller, fixedClock } from '@parkbridge/domain/core';
import { OfferingInput } from '@parkbridge/domain/offerings';
import { type Container, createContainer } from '@parkbridge/runtime';
import type { DemoParkSlug } from './demo-data';
import type { DemoWorld } from './world';

const DAY = 86_400_000;

interface DemoOffering {
  park: DemoParkSlug;
  input: Omit<OfferingInput, 'closesAt'>;
  /** Days from the seed's "now" to the close; negative: closed already, bids waiting for the award. */
  closesInDays: number;
  bids?: {
    firm: string;
    price: number;
    category: string;
    investment: number;
    jobs: number;
    months: number;
  }[];
}

/** Minor units in the park's currency (IRR, MNT and VND are all whole units here). */
const OFFERINGS: DemoOffering[] = [
  {
    park: 'eshtehard',
    input: {
      kind: 'idle_unit',
      title: 'خط تولید لبنیات تعطیل‌شده، سالن ب',
      description:
        'Former dairy line of 2,400 m² with cold rooms and a CIP station, idle since 2023: for a food producer who will restart it.',
      area: 2400,
      utilities: { powerKw: 800, waterM3PerDay: 120, gas: true },
      allowedCategories: ['10'],
      terms: 'lease',
      leaseYears: 20,
      reservePrice: { amount: 45_000_000_000, currency: 'IRR' },
      minIncrement: { amount: 1_000_000_000, currency: 'IRR' },
      mode: 'auction',
    },
    closesInDays: -1,
    bids: [
      {
        firm: 'pars-autoparts',
        price: 46_000_000_000,
        category: '1079',
        investment: 80_000_000_000,
        jobs: 30,
        months: 6,
      },
      {
        firm: 'eshtehard-dairy',
        price: 47_000_000_000,
        category: '1050',
        investment: 120_000_000_000,
        jobs: 45,
        months: 4,
      },
    ],
  },
  {
    park: 'eshtehard',
    input: {
      kind: 'plot',
      title: 'قطعه زمین ۴۲، فاز دوم',
      description: 'Serviced plot of 5,000 m² on the second phase, with road access and a 1 MW connection.',
      area: 5000,
      utilities: { powerKw: 1000, waterM3PerDay: 50, gas: true },
      allowedCategories: ['24', '25', '29'],
      terms: 'sale',
      reservePrice: { amount: 60_000_000_000, currency: 'IRR' },
      mode: 'sealed',
    },
    closesInDays: 14,
  },
  {
    park: 'eshtehard',
    input: {
      kind: 'workshop',
      title: 'کارگاه پیش‌ساخته W-07',
      description: 'Prefabricated workshop unit of 600 m² with a 10 t overhead crane.',
      area: 600,
      utilities: { powerKw: 250, waterM3PerDay: 10 },
      terms: 'lease',
      leaseYears: 5,
      reservePrice: { amount: 6_000_000_000, currency: 'IRR' },
      minIncrement: { amount: 200_000_000, currency: 'IRR' },
      mode: 'auction',
    },
    closesInDays: 10,
  },
  {
    park: 'darkhan',
    input: {
      kind: 'idle_unit',
      title: 'Арьс шира боловсруулах хуучин цех',
      description: 'Former tannery workshop of 1,800 m² with drums and an effluent pre-treatment plant.',
      area: 1800,
      utilities: { powerKw: 400, waterM3PerDay: 200, gas: false },
      allowedCategories: ['151'],
      terms: 'lease',
      leaseYears: 15,
      reservePrice: { amount: 90_000_000, currency: 'MNT' },
      minIncrement: { amount: 2_000_000, currency: 'MNT' },
      mode: 'auction',
    },
    closesInDays: 12,
  },
  {
    park: 'darkhan',
    input: {
      kind: 'plot',
      title: 'Газар C-3',
      description: 'Plot of 10,000 m² by the rail siding.',
      area: 10_000,
      utilities: { powerKw: 600 },
      terms: 'sale',
      reservePrice: { amount: 300_000_000, currency: 'MNT' },
      mode: 'sealed',
    },
    closesInDays: 21,
  },
  {
    park: 'darkhan',
    input: {
      kind: 'workshop',
      title: 'Ноолуурын цех W-2',
      description: 'Workshop unit of 900 m², heated, for cashmere finishing.',
      area: 900,
      utilities: { powerKw: 200, waterM3PerDay: 20 },
      allowedCategories: ['13', '14'],
      terms: 'lease',
      leaseYears: 10,
      reservePrice: { amount: 40_000_000, currency: 'MNT' },
      mode: 'sealed',
    },
    closesInDays: 9,
  },
  {
    park: 'thang-long',
    input: {
      kind: 'idle_unit',
      title: 'Nhà xưởng trống lô B5',
      description: 'Vacant factory shell of 6,000 m² with a 3 MW substation, ready for electronics assembly.',
      area: 6000,
      utilities: { powerKw: 3000, waterM3PerDay: 300, gas: false },
      allowedCategories: ['26', '27'],
      terms: 'lease',
      leaseYears: 30,
      reservePrice: { amount: 25_000_000_000, currency: 'VND' },
      minIncrement: { amount: 500_000_000, currency: 'VND' },
      mode: 'auction',
    },
    closesInDays: 8,
  },
  {
    park: 'thang-long',
    input: {
      kind: 'plot',
      title: 'Lô đất CN-14',
      description: 'Industrial plot of 20,000 m² on the ring road.',
      area: 20_000,
      utilities: { powerKw: 2000, waterM3PerDay: 500 },
      terms: 'lease',
      leaseYears: 45,
      reservePrice: { amount: 80_000_000_000, currency: 'VND' },
      mode: 'sealed',
    },
    closesInDays: 30,
  },
  {
    park: 'thang-long',
    input: {
      kind: 'workshop',
      title: 'Nhà xưởng xây sẵn X-3',
      description: 'Ready-built workshop of 1,200 m² for light industry.',
      area: 1200,
      utilities: { powerKw: 500, waterM3PerDay: 30 },
      allowedCategories: ['14', '26'],
      terms: 'lease',
      leaseYears: 10,
      reservePrice: { amount: 4_000_000_000, currency: 'VND' },
      mode: 'sealed',
    },
    closesInDays: 15,
  },
];

/**
 * Each demo park offers a plot, a workshop unit and an idle unit; Eshtehard's idle unit (a former
 * dairy line) closed yesterday with two bids waiting for the operator's award. The closed one is
 * offered and bid on by a container whose clock stands twelve days back.
 */
export async function seedOfferings(app: Container, world: DemoWorld): Promise<void> {
  for (const o of OFFERINGS) {
    const park = world.parks[o.park];
    const closesAtMs = world.now.getTime() + o.closesInDays * DAY;
    const at = o.closesInDays < 0 ? new Date(closesAtMs - 12 * DAY) : world.now;
    const ctx = o.closesInDays < 0 ? createContainer({ ...app.db, clock: fixedClock(at) }, app.rules) : app;
    const input = OfferingInput.parse({ ...o.input, closesAt: new Date(closesAtMs).toISOString() });
    const draft = await ctx.bidding.offerings.create(world.operator, park.parkId, input);
    await ctx.bidding.offerings.publish(world.operator, draft.offeringId);
    for (const b of o.bids ?? []) {
      const firm = world.firms[b.firm];
      if (!firm) throw new Error(`The offerings seed names an unknown demo firm: ${b.firm}`);
      const currency = o.input.reservePrice.currency;
      await ctx.bidding.offeringBids.create(firm.caller as Caller, draft.offeringId, {
        price: { amount: b.price, currency },
        plan: {
          category: b.category,
          investment: { amount: b.investment, currency },
          jobs: b.jobs,
          startWithinMonths: b.months,
        },
      });
    }
  }
}
