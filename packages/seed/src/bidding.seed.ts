import { type Caller, DomainError, fixedClock, type Stored } from '@parkbridge/domain/core';
import { awardedDeal } from '@parkbridge/domain/deals';
import { type Need, NeedInput } from '@parkbridge/domain/needs';
import { type Container, createContainer } from '@parkbridge/runtime';
import type { MarketDemo } from './market.seed';
import type { DemoWorld } from './world';

const DAY = 86_400_000;

type Firm = DemoWorld['firms'][string];

/** Bids on the market seed's open needs: unit prices in the need's currency, minor units. */
const OPEN_BIDS: {
  need: string;
  bids: { firm: string; price: number; leadTimeDays: number; revisedTo?: number; notes?: string }[];
}[] = [
  {
    need: 'alborz-acid',
    bids: [{ firm: 'tehran-chemicals', price: 46_000_000, leadTimeDays: 10, notes: 'تحویل با تانکر ۲۰ تنی' }],
  },
  {
    need: 'pars-machining',
    bids: [{ firm: 'eshtehard-metalworks', price: 9_800_000, revisedTo: 9_400_000, leadTimeDays: 7 }],
  },
  { need: 'dairy-cartons', bids: [{ firm: 'karaj-packaging', price: 190_000, leadTimeDays: 14 }] },
  { need: 'leather-chemicals', bids: [{ firm: 'selenge-chemicals', price: 860_000_000, leadTimeDays: 21 }] },
  { need: 'cashmere-yarn', bids: [{ firm: 'darkhan-threads', price: 31_500_000, leadTimeDays: 30 }] },
  {
    need: 'electronics-pcb',
    bids: [
      { firm: 'bac-ninh-pcb', price: 37_500, leadTimeDays: 14 },
      {
        firm: 'shenzhen-components',
        price: 35_900,
        leadTimeDays: 28,
        notes: 'Giao hàng qua cửa khẩu Hữu Nghị.',
      },
    ],
  },
  { need: 'electronics-housings', bids: [{ firm: 'hanoi-plastics', price: 14_200, leadTimeDays: 10 }] },
  { need: 'garment-cartons', bids: [{ firm: 'noi-bai-packaging', price: 9_600, leadTimeDays: 5 }] },
];

/**
 * Bids on the open needs (a revision in the auction, questions on one need), and a past that
 * happened: needs that closed weeks ago and were awarded, whose deals went through their
 * lifecycle and were rated, and one need closed yesterday whose award a buyer asked for and an
 * admin has yet to approve (four eyes).
 * Everything goes through the services as the demo users; the past is acted out by a container
 * over the same table whose clock stands at those days.
 */
export async function seedBidding(app: Container, world: DemoWorld, market: MarketDemo): Promise<void> {
  const firm = (slug: string): Firm => {
    const f = world.firms[slug];
    if (!f) throw new Error(`The bidding seed names an unknown demo firm: ${slug}`);
    return f;
  };
  const validUntil = (need: Need) => new Date(need.closesAtMs + 30 * DAY).toISOString();

  for (const { need: key, bids } of OPEN_BIDS) {
    const need = market.needs[key];
    if (!need) continue;
    for (const b of bids) {
      const supplier = firm(b.firm).caller;
      const input = {
        unitPrice: { amount: b.price, currency: need.currency },
        quantity: need.quantity,
        leadTimeDays: b.leadTimeDays,
        validUntil: validUntil(need),
        ...(b.notes ? { notes: b.notes } : {}),
      };
      await tolerate(`bid on ${key}`, async () => {
        await app.bidding.bids.create(supplier, need.needId, input);
        if (b.revisedTo) {
          await app.bidding.bids.revise(supplier, need.needId, {
            ...input,
            unitPrice: { amount: b.revisedTo, currency: need.currency },
          });
        }
      });
    }
  }
  const pcb = market.needs['electronics-pcb'];
  if (pcb) {
    await tolerate('questions', async () => {
      const asked = await app.bidding.questions.ask(
        firm('shenzhen-components').caller,
        pcb.needId,
        'Is a lead-free HASL finish acceptable instead of ENIG for the first batch?',
      );
      await app.bidding.questions.answer(
        firm('thang-long-electronics').caller,
        pcb.needId,
        asked.questionId,
        'Không. Chỉ chấp nhận ENIG (No: ENIG only, the boards carry fine-pitch BGAs).',
      );
      await app.bidding.questions.ask(
        firm('bac-ninh-pcb').caller,
        pcb.needId,
        'Có thể giao hàng chia theo tuần không? (Weekly split deliveries?)',
      );
    });
  }

  await seedPast(app, world, firm);
  await seedQuarters(app, world, firm);
}

/** An award acted out over days from `start`: published, bid on, closed, awarded, then taken `to` a stage. */
interface QuarterDeal {
  what: string;
  buyer: string;
  seller: string;
  park: keyof DemoWorld['parks'];
  need: {
    title: string;
    description: string;
    category: string;
    quantity: number;
    unit: string;
    currency: string;
  };
  price: number;
  to: 'awarded' | 'confirmed' | 'delivered' | 'rated' | 'cancelled';
  cancelReason?: string;
}

/**
 * Awards in the previous quarter and in this one, in every park, so that each map shows local
 * sourcing (firms located in the park winning their neighbours' needs, beside purchases from
 * outside) and its trend against the quarter before; and one deal called off after its award.
 */
async function seedQuarters(app: Container, world: DemoWorld, firm: (slug: string) => Firm) {
  const clock = fixedClock(world.now);
  const past = createContainer({ ...app.db, clock }, app.rules);
  const { publish, bid } = actsIn(past, clock);
  const HOUR = 3_600_000;
  // Quarters are taken in UTC and the days kept away from their edges, so every park's own time
  // zone (UTC+3:30 to UTC+8) puts them in the same quarter.
  const quarterStart = (back: number) =>
    Date.UTC(world.now.getUTCFullYear(), Math.floor(world.now.getUTCMonth() / 3) * 3 - 3 * back, 1);
  const previous = quarterStart(1);
  const current = quarterStart(0);
  const latest = world.now.getTime() - 2 * DAY;
  // This quarter's awards: in its first weeks, or as early as there is room for (two days each).
  // A deal's steps run up to 20 hours after its start, and each must lie in the past: in a
  // quarter's first day and a half they start before it (the map's quarter is then still empty).
  const thisQuarter = (n: number) =>
    Math.min(
      Math.max(current + HOUR * 12, Math.min(current + (5 + 6 * n) * DAY, latest)),
      world.now.getTime() - 21 * HOUR,
    );

  const run = async (d: QuarterDeal, start: number) =>
    tolerate(d.what, async () => {
      const buyer = firm(d.buyer).caller;
      const seller = firm(d.seller).caller;
      clock.set(new Date(start));
      const need = await publish(
        buyer,
        { ...d.need, parkId: world.parks[d.park].parkId, mode: 'sealed' },
        (6 * HOUR) / DAY,
      );
      clock.set(new Date(start + HOUR));
      const offer = await bid(seller, need, d.price, 10);
      clock.set(new Date(start + 8 * HOUR));
      const deal = awardedDeal(await past.bidding.awards.award(buyer, need.needId, offer.bid.bidId));
      if (d.to === 'cancelled') {
        clock.set(new Date(start + 20 * HOUR));
        await past.bidding.deals.cancel(buyer, deal.dealId, d.cancelReason ?? 'Plans changed.');
        return;
      }
      if (d.to === 'awarded') return;
      clock.set(new Date(start + 10 * HOUR));
      await past.bidding.deals.confirm(seller, deal.dealId);
      if (d.to === 'confirmed') return;
      clock.set(new Date(Math.min(start + 30 * HOUR, world.now.getTime() - HOUR)));
      await past.bidding.deals.deliver(seller, deal.dealId);
      if (d.to === 'delivered') return;
      await past.bidding.deals.acceptDelivery(buyer, deal.dealId);
      await past.bidding.deals.rate(buyer, deal.dealId, { score: 5 });
      await past.bidding.deals.rate(seller, deal.dealId, { score: 5 });
    });

  const lastQuarter: QuarterDeal[] = [
    {
      what: 'Eshtehard: disc machining in the park',
      buyer: 'pars-autoparts',
      seller: 'eshtehard-metalworks',
      park: 'eshtehard',
      need: {
        title: 'ماشین‌کاری CNC دیسک ترمز — فصل گذشته',
        description: 'تراش نهایی ۳۰۰ ساعت، دیسک‌های چدنی طبق نقشه.',
        category: '2592',
        quantity: 300,
        unit: 'h',
        currency: 'IRR',
      },
      price: 9_400_000,
      to: 'rated',
    },
    {
      what: 'Eshtehard: cartons from Karaj',
      buyer: 'pars-autoparts',
      seller: 'karaj-packaging',
      park: 'eshtehard',
      need: {
        title: 'کارتن بسته‌بندی قطعات — فصل گذشته',
        description: 'کارتن سه لایه، ۲۰٬۰۰۰ عدد.',
        category: '1702',
        quantity: 20_000,
        unit: 'pcs',
        currency: 'IRR',
      },
      price: 150_000,
      to: 'rated',
    },
    {
      what: 'Darkhan: cashmere yarn spun in the park',
      buyer: 'gobi-cashmere',
      seller: 'darkhan-threads',
      park: 'darkhan',
      need: {
        title: 'Ноолууран утас 2/26 Nm — өмнөх улирал',
        description: 'Байгалийн өнгөтэй ноолууран утас, 2 000 кг.',
        category: '1311',
        quantity: 2000,
        unit: 'kg',
        currency: 'MNT',
      },
      price: 30_500_000,
      to: 'rated',
    },
    {
      what: 'Darkhan: tanning agents from Selenge',
      buyer: 'darkhan-leather',
      seller: 'selenge-chemicals',
      park: 'darkhan',
      need: {
        title: 'Идээлэх бодис — өмнөх улирал',
        description: 'Хромын идээлэх бодис, 20 тонн.',
        category: '2029',
        quantity: 20,
        unit: 't',
        currency: 'MNT',
      },
      price: 860_000_000,
      to: 'rated',
    },
    {
      what: 'Thang Long: ESD smocks sewn in the park',
      buyer: 'thang-long-electronics',
      seller: 'dong-anh-garment',
      park: 'thang-long',
      need: {
        title: 'Áo choàng ESD — quý trước',
        description: 'Áo choàng chống tĩnh điện cho phòng SMT, 400 chiếc, các cỡ.',
        category: '1410',
        quantity: 400,
        unit: 'pcs',
        currency: 'VND',
      },
      price: 185_000,
      to: 'rated',
    },
    {
      what: 'Thang Long: cartons from Noi Bai',
      buyer: 'dong-anh-garment',
      seller: 'noi-bai-packaging',
      park: 'thang-long',
      need: {
        title: 'Thùng carton 5 lớp — quý trước',
        description: 'Thùng carton xuất khẩu, 5.000 thùng.',
        category: '1702',
        quantity: 5000,
        unit: 'pcs',
        currency: 'VND',
      },
      price: 9_800,
      to: 'rated',
    },
  ];
  const thisQuarterDeals: QuarterDeal[] = [
    {
      what: 'Eshtehard: pipe-end threading in the park',
      buyer: 'alborz-steel',
      seller: 'eshtehard-metalworks',
      park: 'eshtehard',
      need: {
        title: 'رزوه‌زنی سر لوله — ۲۴۰ ساعت',
        description: 'رزوه‌زنی سر لوله‌های ۲ و ۴ اینچ طبق API 5B.',
        category: '2592',
        quantity: 240,
        unit: 'h',
        currency: 'IRR',
      },
      price: 9_500_000,
      to: 'rated',
    },
    {
      what: 'Darkhan: yarn for the winter collection',
      buyer: 'gobi-cashmere',
      seller: 'darkhan-threads',
      park: 'darkhan',
      need: {
        title: 'Ноолууран утас — өвлийн цуглуулга',
        description: 'Саарал, хар өнгийн ноолууран утас, 1 500 кг.',
        category: '1311',
        quantity: 1500,
        unit: 'kg',
        currency: 'MNT',
      },
      price: 31_000_000,
      to: 'confirmed',
    },
    {
      what: 'Thang Long: ESD smocks for the new SMT line',
      buyer: 'thang-long-electronics',
      seller: 'dong-anh-garment',
      park: 'thang-long',
      need: {
        title: 'Áo choàng ESD cho chuyền SMT mới',
        description: 'Áo choàng ESD và mũ trùm cho chuyền SMT số 3, 400 bộ.',
        category: '1410',
        quantity: 400,
        unit: 'pcs',
        currency: 'VND',
      },
      price: 180_000,
      to: 'delivered',
    },
    {
      what: 'Thang Long: a PCB pilot batch called off after its award',
      buyer: 'thang-long-electronics',
      seller: 'bac-ninh-pcb',
      park: 'thang-long',
      need: {
        title: 'PCB 4 lớp — lô thử 500 tấm',
        description: 'Lô thử bo mạch 4 lớp, ENIG, bản thiết kế rev. A.',
        category: '2610',
        quantity: 500,
        unit: 'pcs',
        currency: 'VND',
      },
      price: 38_000,
      to: 'cancelled',
      cancelReason:
        'Bản thiết kế rev. B thay thế rev. A; lô thử không còn cần (board revision B replaces A).',
    },
  ];
  for (const [i, d] of lastQuarter.entries()) await run(d, previous + (15 + 9 * i) * DAY);
  for (const [i, d] of thisQuarterDeals.entries()) await run(d, thisQuarter(i));
}

/** Publishing a need and bidding on it as of `clock` (the past container's), for the seeds of earlier days. */
function actsIn(past: Container, clock: { now(): Date }) {
  const publish = async (
    owner: Caller,
    body: Record<string, unknown>,
    closesInDays: number,
  ): Promise<Stored<Need>> => {
    const draft = await past.market.needs.create(
      owner,
      NeedInput.parse({
        ...body,
        closesAt: new Date(clock.now().getTime() + closesInDays * DAY).toISOString(),
      }),
    );
    return past.market.needs.publish(owner, draft.needId);
  };
  const bid = (supplier: Caller, need: Need, amount: number, leadTimeDays: number) =>
    past.bidding.bids.create(supplier, need.needId, {
      unitPrice: { amount, currency: need.currency },
      quantity: need.quantity,
      leadTimeDays,
      validUntil: new Date(need.closesAtMs + 60 * DAY).toISOString(),
    });
  return { publish, bid };
}

/** What happened before "now": awarded needs and their deals, and a need closed yesterday. */
async function seedPast(app: Container, world: DemoWorld, firm: (slug: string) => Firm) {
  const clock = fixedClock(new Date(world.now.getTime() - 40 * DAY));
  const past = createContainer({ ...app.db, clock }, app.rules);
  const at = (daysAgo: number) => clock.set(new Date(world.now.getTime() - daysAgo * DAY));

  const { publish, bid } = actsIn(past, clock);

  const parks = world.parks;
  // 1. Cartons for the dairy, awarded, delivered on time, both sides rated.
  await tolerate('past cartons deal', async () => {
    const dairy = firm('eshtehard-dairy').caller;
    const karaj = firm('karaj-packaging').caller;
    at(40);
    const need = await publish(
      dairy,
      {
        title: 'کارتن پنج لایه — سفارش فصل گذشته',
        description: 'کارتن پنج لایه چاپ‌دار برای شیر، ۲۰٬۰۰۰ عدد، تحویل در شهرک اشتهارد.',
        category: '1702',
        quantity: 20_000,
        unit: 'pcs',
        parkId: parks.eshtehard.parkId,
        currency: 'IRR',
        mode: 'sealed',
      },
      7,
    );
    at(39);
    const won = await bid(karaj, need, 182_000, 10);
    at(32);
    const deal = awardedDeal(await past.bidding.awards.award(dairy, need.needId, won.bid.bidId));
    at(31);
    await past.bidding.deals.confirm(karaj, deal.dealId);
    at(25);
    await past.bidding.deals.deliver(karaj, deal.dealId);
    at(24);
    await past.bidding.deals.acceptDelivery(dairy, deal.dealId);
    await past.bidding.deals.rate(dairy, deal.dealId, {
      score: 5,
      comment: 'Print quality and delivery as promised.',
    });
    await past.bidding.deals.rate(karaj, deal.dealId, { score: 4 });
  });

  // 2. A reverse auction for housings in Thang Long: two bidders, delivered late, rated 3.
  await tolerate('past housings auction', async () => {
    const electronics = firm('thang-long-electronics').caller;
    const hanoi = firm('hanoi-plastics').caller;
    const shenzhen = firm('shenzhen-components').caller;
    at(38);
    const need = await publish(
      electronics,
      {
        title: 'Vỏ nhựa ABS — lô thử nghiệm',
        description: 'Vỏ hộp điều khiển ABS, 5.000 chiếc, màu xám RAL 7035.',
        category: '2220',
        quantity: 5_000,
        unit: 'pcs',
        parkId: parks['thang-long'].parkId,
        currency: 'VND',
        mode: 'auction',
        auction: { minDecrementBps: 100, maxExtensions: 5 },
      },
      6,
    );
    at(37);
    const first = await bid(hanoi, need, 15_000, 12);
    await bid(shenzhen, need, 14_700, 25);
    at(35);
    await past.bidding.bids.revise(hanoi, need.needId, {
      unitPrice: { amount: 14_300, currency: 'VND' },
      quantity: need.quantity,
      leadTimeDays: 12,
      validUntil: new Date(need.closesAtMs + 60 * DAY).toISOString(),
    });
    at(31);
    const deal = awardedDeal(await past.bidding.awards.award(electronics, need.needId, first.bid.bidId));
    at(30);
    await past.bidding.deals.confirm(hanoi, deal.dealId);
    at(15);
    await past.bidding.deals.deliver(hanoi, deal.dealId);
    at(14);
    await past.bidding.deals.acceptDelivery(electronics, deal.dealId);
    await past.bidding.deals.rate(electronics, deal.dealId, {
      score: 3,
      comment: 'Good parts, three days late.',
    });
  });

  // 3. Drum repair in Darkhan: awarded and confirmed, work under way.
  await tolerate('past repair deal', async () => {
    const leather = firm('darkhan-leather').caller;
    const erdenet = firm('erdenet-machinery').caller;
    at(12);
    const need = await publish(
      leather,
      {
        title: 'Идээлэх хүрдний холхивч солих',
        description: 'Хоёр хүрдний холхивч солих ажил, газар дээр нь.',
        category: '3312',
        quantity: 2,
        unit: 'set',
        parkId: parks.darkhan.parkId,
        currency: 'MNT',
        mode: 'sealed',
      },
      5,
    );
    at(11);
    const won = await bid(erdenet, need, 4_500_000, 20);
    at(6);
    const deal = awardedDeal(await past.bidding.awards.award(leather, need.needId, won.bid.bidId));
    at(5);
    await past.bidding.deals.confirm(erdenet, deal.dealId);
  });

  // 4. Sewing thread for the garment maker, closed yesterday: a supplier from another park bid
  // on the public need; the owner compares and awards.
  await tolerate('past closed need', async () => {
    const garment = firm('dong-anh-garment').caller;
    at(6);
    const need = await publish(
      garment,
      {
        title: 'Chỉ may polyester 40/2',
        description: 'Chỉ may polyester 40/2, 500 cuộn, nhiều màu.',
        category: '1311',
        quantity: 500,
        unit: 'roll',
        parkId: parks['thang-long'].parkId,
        currency: 'VND',
        mode: 'sealed',
      },
      5,
    );
    at(4);
    await bid(firm('darkhan-threads').caller, need, 52_000, 18);
    const cheapest = await bid(firm('shenzhen-components').caller, need, 49_500, 9);
    await app.bidding.closing.track(need.needId);
    await app.bidding.closing.closeDue(world.now);
    // Four eyes: the garment maker's buyer asks to award the cheapest bid (24,750,000 VND, above
    // the firm's threshold); it waits for an admin's approval.
    const buyer = firm('dong-anh-garment').people?.buyer;
    if (buyer) await app.bidding.awards.award(buyer, need.needId, cheapest.bid.bidId);
  });
}

/** Demo data is best effort: a rule that refuses (another context changed its data) is reported, not fatal. */
async function tolerate(what: string, act: () => Promise<unknown>): Promise<void> {
  try {
    await act();
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    console.warn(`[seed] bidding: ${what} skipped: ${err.code} ${err.message}`);
  }
}
