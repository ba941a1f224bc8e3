import type { TestRuntime } from '../../support/test-runtime';
import {
  approvedFirm,
  award,
  createChain,
  createListing,
  ESHTEHARD,
  ISTANBUL,
  openNeed,
  QAZVIN,
} from './chain-map-world';

/**
 * One park, told through its records: three tenants (one also supplies), two outside suppliers,
 * declared chains, an open need, listings, and deals in two currencies and two quarters. The
 * clock stands at 2026-05-10 (Q2 in Tehran). Every figure the tests expect is worked out by hand
 * from these records.
 */
export async function tellStory(rt: TestRuntime) {
  const clock = rt.container.clock;
  const park = await rt.park({ location: ESHTEHARD });
  const parkId = park.parkId;
  const op = park.operator;
  const t = op.token;
  const steel = await approvedFirm(rt, parkId, t, {
    kinds: ['tenant', 'supplier'],
    name: 'Eshtehard Steel Tube',
  });
  const pumps = await approvedFirm(rt, parkId, t, { kinds: ['tenant'], name: 'Alborz Pump Works' });
  const valves = await approvedFirm(rt, parkId, t, { kinds: ['tenant'], name: 'Karaj Valve Co.' });
  const qazvin = await approvedFirm(rt, parkId, t, {
    kinds: ['supplier'],
    name: 'Qazvin Chemicals',
    location: QAZVIN,
    as: ['supplier'],
  });
  const istanbul = await approvedFirm(rt, parkId, t, {
    kinds: ['supplier'],
    name: 'Istanbul Polymer',
    country: 'TR',
    location: ISTANBUL,
    as: ['supplier'],
  });
  const ids = {
    steel: steel.orgId,
    pumps: pumps.orgId,
    valves: valves.orgId,
    qazvin: qazvin.orgId,
    istanbul: istanbul.orgId,
  };

  // Declared chains. Pumps: steel pipe from Steel Tube (in park), plastics imported, machining hours.
  await createChain(rt, pumps.token, {
    output: { category: '2813', name: 'Centrifugal pumps' },
    inputs: [
      {
        category: '2420',
        quantity: 10,
        unit: 't',
        period: 'month',
        source: 'in_park',
        supplierOrgId: steel.orgId,
      },
      { category: '2013', quantity: 5, unit: 't', period: 'month', source: 'imported' },
      { category: '2592', quantity: 20, unit: 'h', period: 'month', source: 'in_country' },
    ],
  });
  // Valves: pipe from elsewhere in Iran (per quarter), castings with no award anywhere.
  await createChain(rt, valves.token, {
    output: { category: '2813', name: 'Gate valves' },
    inputs: [
      { category: '2420', quantity: 3, unit: 't', period: 'quarter', source: 'in_country' },
      { category: '2431', quantity: 10, unit: 'pcs', period: 'month', source: 'in_country' },
    ],
  });
  // Valves also has an open need for plastics.
  await openNeed(rt, valves.token, {
    title: 'PE granulate',
    description: 'HDPE granulate for valve seats.',
    category: '2013',
    quantity: 2,
    unit: 't',
    parkId,
    currency: 'IRR',
    closesAt: new Date(clock.now().getTime() + 5 * 86_400_000).toISOString(),
    mode: 'sealed',
  });
  // Steel Tube lists pipe (in park) and idle machining capacity; the outside firms list plastics.
  await createListing(rt, steel.token, {
    kind: 'product',
    title: 'Seamless pipe',
    description: 'DN15–DN150.',
    category: '2420',
    unit: 't',
    leadTimeDays: 7,
    serviceArea: { scope: 'national' },
  });
  await createListing(rt, steel.token, {
    kind: 'capacity',
    title: 'CNC lathe time',
    description: 'Night shift free.',
    category: '2592',
    capacityPerPeriod: 120,
    unit: 'h',
    period: 'month',
    machineClass: 'CNC lathe, Ø 400 mm',
    leadTimeDays: 3,
    serviceArea: { scope: 'park' },
    parkId,
  });
  await createListing(rt, qazvin.token, {
    kind: 'product',
    title: 'PE granulate',
    description: 'HDPE and LDPE.',
    category: '2013',
    unit: 't',
    leadTimeDays: 10,
    serviceArea: { scope: 'national' },
  });
  await createListing(rt, istanbul.token, {
    kind: 'product',
    title: 'Engineering polymers',
    description: 'PA, POM, PE.',
    category: '2013',
    unit: 't',
    leadTimeDays: 30,
    serviceArea: { scope: 'radius', radiusKm: 3000 },
  });

  // Deals. Q2 2026: IRR in park, IRR outside, USD abroad; one more IRR in park, cancelled later.
  const firstAward = await award(rt, {
    dealId: 'deal_Q2_PIPE_PUMPS',
    parkId,
    buyerOrgId: pumps.orgId,
    sellerOrgId: steel.orgId,
    category: '2420',
    quantity: 10,
    unit: 't',
    unitPrice: { amount: 100_000, currency: 'IRR' },
    awardedAt: '2026-04-20T09:00:00.000Z',
  });
  await award(rt, {
    dealId: 'deal_Q2_PIPE_VALVES',
    parkId,
    buyerOrgId: valves.orgId,
    sellerOrgId: qazvin.orgId,
    category: '2420',
    quantity: 3,
    unit: 't',
    unitPrice: { amount: 1_000_000, currency: 'IRR' },
    awardedAt: '2026-05-02T09:00:00.000Z',
  });
  await award(rt, {
    dealId: 'deal_Q2_PE_PUMPS',
    parkId,
    buyerOrgId: pumps.orgId,
    sellerOrgId: istanbul.orgId,
    category: '2013',
    quantity: 5,
    unit: 't',
    unitPrice: { amount: 1_000, currency: 'USD' },
    awardedAt: '2026-05-05T09:00:00.000Z',
  });
  const toCancel = await award(rt, {
    dealId: 'deal_Q2_CANCELLED',
    parkId,
    buyerOrgId: valves.orgId,
    sellerOrgId: steel.orgId,
    category: '2420',
    quantity: 2,
    unit: 't',
    unitPrice: { amount: 1_000_000, currency: 'IRR' },
    awardedAt: '2026-05-06T09:00:00.000Z',
  });
  // Q1 2026: one in-park award (the trend's previous quarter). 31 March 21:00 UTC is 1 April in Tehran.
  await award(rt, {
    dealId: 'deal_Q1_PIPE',
    parkId,
    buyerOrgId: pumps.orgId,
    sellerOrgId: steel.orgId,
    category: '2420',
    quantity: 5,
    unit: 't',
    unitPrice: { amount: 100_000, currency: 'IRR' },
    awardedAt: '2026-03-15T09:00:00.000Z',
  });
  await award(rt, {
    dealId: 'deal_TEHRAN_APRIL',
    parkId,
    buyerOrgId: valves.orgId,
    sellerOrgId: qazvin.orgId,
    category: '2431',
    quantity: 1,
    unit: 'pcs',
    unitPrice: { amount: 7_000, currency: 'IRR' },
    awardedAt: '2026-03-31T21:00:00.000Z',
  });
  return {
    parkId,
    op,
    ids,
    tokens: { steel: steel.token, pumps: pumps.token, supplier: qazvin.token },
    firstAward,
    toCancel,
  };
}

export type Story = Awaited<ReturnType<typeof tellStory>>;
