import { type Caller, exponentOf } from '@parkbridge/domain/core';
import type { Container } from '@parkbridge/runtime';
import type { DemoParkSlug } from './demo-data';
import type { DemoWorld } from './world';

const DAY = 86_400_000;

interface DemoPavilion {
  name: string;
  themes: string[];
}

/** Each park's expo: its pavilions follow the park's industries; its firms book some booths. */
const DEMO_EXPOS: Record<
  DemoParkSlug,
  { name: string; venue: string; pavilions: DemoPavilion[]; priceMajor: number }
> = {
  eshtehard: {
    name: 'Eshtehard Industrial Supply Expo',
    venue: 'Eshtehard Industrial Town exhibition hall',
    pavilions: [
      { name: 'Metals and machinery', themes: ['24', '25', '28'] },
      { name: 'Food, chemicals and packaging', themes: ['10', '17', '20'] },
    ],
    priceMajor: 50_000_000,
  },
  darkhan: {
    name: 'Darkhan Leather and Textile Fair',
    venue: 'Darkhan Leather Technology Park, main hall',
    pavilions: [
      { name: 'Leather and footwear', themes: ['15'] },
      { name: 'Textiles, chemicals and machinery', themes: ['13', '14', '20', '33'] },
    ],
    priceMajor: 1_500_000,
  },
  'thang-long': {
    name: 'Thang Long Electronics Supply Expo',
    venue: 'Thang Long Industrial Park convention centre',
    pavilions: [
      { name: 'Electronics and components', themes: ['26', '27'] },
      { name: 'Plastics, garments and packaging', themes: ['22', '17', '14'] },
    ],
    priceMajor: 15_000_000,
  },
};

/** Which firms book in each park: confirmed, requested (awaiting the operator), and a live hold. */
const DEMO_BOOKINGS: Record<DemoParkSlug, { confirmed: string[]; requested: string[]; held: string[] }> = {
  eshtehard: {
    confirmed: ['eshtehard-metalworks', 'karaj-packaging'],
    requested: ['tehran-chemicals'],
    held: ['alborz-steel'],
  },
  darkhan: {
    confirmed: ['selenge-chemicals', 'darkhan-threads'],
    requested: ['erdenet-machinery'],
    held: [],
  },
  'thang-long': {
    confirmed: ['bac-ninh-pcb', 'hanoi-plastics'],
    requested: ['shenzhen-components'],
    held: ['noi-bai-packaging'],
  },
};

/**
 * One expo per demo park, a month after the seed's "now": two pavilions of eight booths each
 * (48 in all, one of them a mentorship table split into pitch sessions), some booked.
 */
export async function seedExpos(app: Container, world: DemoWorld): Promise<void> {
  const { expos } = app.expos;
  for (const [slug, plan] of Object.entries(DEMO_EXPOS) as [
    DemoParkSlug,
    (typeof DEMO_EXPOS)[DemoParkSlug],
  ][]) {
    const park = world.parks[slug];
    const start = Math.ceil((world.now.getTime() + 30 * DAY) / DAY) * DAY + 6 * 3_600_000;
    const expo = await expos.create(world.operator, {
      parkId: park.parkId,
      name: plan.name,
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 2 * DAY + 10 * 3_600_000).toISOString(),
      venue: plan.venue,
    });
    const price = { amount: plan.priceMajor * 10 ** exponentOf(expo.currency), currency: expo.currency };
    const slotIds: string[] = [];
    for (const [p, pav] of plan.pavilions.entries()) {
      const pavilion = await expos.addPavilion(world.operator, expo.expoId, {
        name: pav.name,
        themes: pav.themes,
        floor: { width: 40, depth: 20 },
      });
      for (let i = 0; i < 8; i++) {
        const row = Math.floor(i / 4);
        const corner = i % 4 === 0 || i % 4 === 3;
        const mentorship = p === 1 && i === 7;
        const slot = await expos.addSlot(world.operator, pavilion.pavilionId, {
          code: `${String.fromCharCode(65 + p)}-${i + 1}`,
          kind: mentorship ? 'island' : corner ? 'corner' : 'inline',
          area: corner ? 15 : 12,
          rect: { x: 2 + (i % 4) * 9, y: 2 + row * 10, w: corner ? 5 : 4, h: 3 },
          price: mentorship ? { ...price, amount: Math.round(price.amount / 10) } : price,
          ...(mentorship
            ? {
                slices: Array.from({ length: 4 }, (_, s) => ({
                  startsAt: new Date(start + DAY + (3 + s) * 3_600_000).toISOString(),
                  endsAt: new Date(start + DAY + (4 + s) * 3_600_000).toISOString(),
                  label: `Pitch session ${s + 1}`,
                  session: 'pitch' as const,
                })),
              }
            : {}),
        });
        if (!mentorship) slotIds.push(slot.slotId);
      }
    }
    await bookDemoSlots(app, world, slug, slotIds);
  }
}

async function bookDemoSlots(app: Container, world: DemoWorld, slug: DemoParkSlug, slotIds: string[]) {
  const { bookings } = app.expos;
  const plan = DEMO_BOOKINGS[slug];
  let next = 0;
  const hold = async (
    firmSlug: string,
  ): Promise<{ caller: Caller & { orgId: string }; bookingId: string; name: string }> => {
    const f = world.firms[firmSlug];
    if (!f) throw new Error(`No demo firm ${firmSlug}.`);
    const booking = await bookings.hold(f.caller, slotIds[next++ % slotIds.length] as string);
    return { caller: f.caller, bookingId: booking.bookingId, name: f.org.name };
  };
  // The booth shows the exhibitor's own listings, where the market's demo data gave it some.
  const submit = async (h: { caller: Caller & { orgId: string }; bookingId: string; name: string }) =>
    bookings.submit(h.caller, h.bookingId, {
      exhibitor: { displayName: h.name, contact: { name: 'Sales desk', email: `expo@${slug}.demo` } },
      listingIds: (await app.market.repos.listings.activeByOrg(h.caller.orgId, 3)).map((l) => l.listingId),
    });
  for (const firmSlug of plan.confirmed) {
    const h = await hold(firmSlug);
    await submit(h);
    await bookings.decide(world.operator, h.bookingId, 'confirmed');
  }
  for (const firmSlug of plan.requested) await submit(await hold(firmSlug));
  for (const firmSlug of plan.held) await hold(firmSlug);
}
