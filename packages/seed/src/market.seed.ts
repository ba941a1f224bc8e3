import { type Chain, ChainCreate, type ChainInputFields } from '@parkbridge/domain/chains';
import type { Stored } from '@parkbridge/domain/core';
import { type Listing, ListingInput } from '@parkbridge/domain/listings';
import { type Need, NeedFromInput, NeedInput } from '@parkbridge/domain/needs';
import type { Container } from '@parkbridge/runtime';
import type { DemoParkSlug } from './demo-data';
import type { DemoWorld } from './world';

/** What the market seed made, by slug, for the seeds that run after it (bids, expos). */
export interface MarketDemo {
  chains: Record<string, Stored<Chain>>;
  listings: Record<string, Stored<Listing>>;
  needs: Record<string, Stored<Need>>;
}

type Input = Omit<ChainInputFields, 'supplierOrgId'> & { key: string; suppliedBy?: string };

interface DemoChain {
  firm: string;
  output: {
    category: string;
    name: string;
    quantity?: number;
    unit?: ChainInputFields['unit'];
    period?: ChainInputFields['period'];
  };
  inputs: Input[];
}

/**
 * Every demo tenant's production chain: what it makes and what it buys, each input with its
 * current source. `suppliedBy` names the demo firm that supplies it today (an edge of the map).
 */
const CHAINS: DemoChain[] = [
  {
    firm: 'alborz-steel',
    output: {
      category: '2410',
      name: 'Welded and seamless steel pipe',
      quantity: 900,
      unit: 't',
      period: 'month',
    },
    inputs: [
      {
        key: 'coil',
        category: '2410',
        name: 'Hot-rolled steel coil',
        quantity: 1200,
        unit: 't',
        period: 'month',
        source: 'in_country',
      },
      {
        key: 'zinc',
        category: '2420',
        name: 'Zinc ingot for galvanising',
        quantity: 40,
        unit: 't',
        period: 'month',
        source: 'imported',
      },
      {
        key: 'acid',
        category: '2011',
        name: 'Hydrochloric acid for pickling',
        quantity: 30,
        unit: 't',
        period: 'month',
        source: 'in_country',
      },
      {
        key: 'machining',
        category: '2592',
        name: 'Pipe-end threading',
        quantity: 120,
        unit: 'h',
        period: 'month',
        source: 'in_park',
        suppliedBy: 'eshtehard-metalworks',
      },
    ],
  },
  {
    firm: 'eshtehard-dairy',
    output: {
      category: '1050',
      name: 'Pasteurised milk and yoghurt',
      quantity: 600,
      unit: 't',
      period: 'month',
    },
    inputs: [
      {
        key: 'cartons',
        category: '1702',
        name: 'Five-ply printed cartons',
        quantity: 60_000,
        unit: 'pcs',
        period: 'month',
        source: 'in_country',
        suppliedBy: 'karaj-packaging',
      },
      {
        key: 'bottles',
        category: '2220',
        name: 'PET bottles 1 l',
        quantity: 200_000,
        unit: 'pcs',
        period: 'month',
        source: 'imported',
      },
      {
        key: 'detergent',
        category: '2023',
        name: 'CIP cleaning detergent',
        quantity: 4,
        unit: 't',
        period: 'month',
        source: 'in_country',
      },
    ],
  },
  {
    firm: 'pars-autoparts',
    output: {
      category: '2930',
      name: 'Brake discs and drums',
      quantity: 40_000,
      unit: 'pcs',
      period: 'month',
    },
    inputs: [
      {
        key: 'castings',
        category: '2431',
        name: 'Grey cast iron blanks',
        quantity: 300,
        unit: 't',
        period: 'month',
        source: 'in_country',
      },
      {
        key: 'machining',
        category: '2592',
        name: 'CNC machining of discs',
        quantity: 400,
        unit: 'h',
        period: 'month',
        source: 'in_park',
        suppliedBy: 'eshtehard-metalworks',
      },
      {
        key: 'cartons',
        category: '1702',
        name: 'Shipping cartons',
        quantity: 20_000,
        unit: 'pcs',
        period: 'month',
        source: 'in_country',
        suppliedBy: 'karaj-packaging',
      },
    ],
  },
  {
    firm: 'eshtehard-metalworks',
    output: {
      category: '2592',
      name: 'Machined and coated metal parts',
      quantity: 2500,
      unit: 'h',
      period: 'month',
    },
    inputs: [
      {
        key: 'bar',
        category: '2410',
        name: 'Steel bar stock',
        quantity: 60,
        unit: 't',
        period: 'month',
        source: 'in_park',
        suppliedBy: 'alborz-steel',
      },
      {
        key: 'tools',
        category: '2593',
        name: 'Carbide inserts and cutting tools',
        quantity: 800,
        unit: 'pcs',
        period: 'month',
        source: 'imported',
      },
    ],
  },
  {
    firm: 'darkhan-leather',
    output: {
      category: '1511',
      name: 'Finished cattle and goat leather',
      quantity: 90_000,
      unit: 'm2',
      period: 'month',
    },
    inputs: [
      {
        key: 'chemicals',
        category: '2029',
        name: 'Tanning agents and fatliquors',
        quantity: 25,
        unit: 't',
        period: 'month',
        source: 'in_country',
        suppliedBy: 'selenge-chemicals',
      },
      {
        key: 'repair',
        category: '3312',
        name: 'Drum and splitting machine repair',
        quantity: 80,
        unit: 'h',
        period: 'month',
        source: 'in_country',
        suppliedBy: 'erdenet-machinery',
      },
      {
        key: 'hides',
        category: '1010',
        name: 'Raw hides from slaughterhouses',
        quantity: 400,
        unit: 't',
        period: 'month',
        source: 'in_country',
      },
    ],
  },
  {
    firm: 'gobi-cashmere',
    output: {
      category: '1430',
      name: 'Knitted cashmere sweaters',
      quantity: 12_000,
      unit: 'pcs',
      period: 'month',
    },
    inputs: [
      {
        key: 'yarn',
        category: '1311',
        name: 'Cashmere yarn 2/26 Nm',
        quantity: 3000,
        unit: 'kg',
        period: 'month',
        source: 'in_park',
        suppliedBy: 'darkhan-threads',
      },
      {
        key: 'dyes',
        category: '2029',
        name: 'Acid dyes for wool',
        quantity: 2,
        unit: 't',
        period: 'quarter',
        source: 'imported',
      },
    ],
  },
  {
    firm: 'darkhan-threads',
    output: { category: '1311', name: 'Cashmere and wool yarn', quantity: 8000, unit: 'kg', period: 'month' },
    inputs: [
      {
        key: 'fibre',
        category: '0144',
        name: 'Raw cashmere fibre',
        quantity: 10_000,
        unit: 'kg',
        period: 'month',
        source: 'in_country',
      },
      {
        key: 'scouring',
        category: '2023',
        name: 'Scouring detergent',
        quantity: 3,
        unit: 't',
        period: 'month',
        source: 'imported',
      },
    ],
  },
  {
    firm: 'thang-long-electronics',
    output: {
      category: '2610',
      name: 'Assembled control boards',
      quantity: 30_000,
      unit: 'pcs',
      period: 'month',
    },
    inputs: [
      {
        key: 'pcb',
        category: '2610',
        name: 'Four-layer bare PCBs',
        quantity: 20_000,
        unit: 'pcs',
        period: 'month',
        source: 'imported',
        suppliedBy: 'shenzhen-components',
      },
      {
        key: 'housings',
        category: '2220',
        name: 'ABS housings',
        quantity: 30_000,
        unit: 'pcs',
        period: 'month',
        source: 'in_country',
      },
      {
        key: 'cartons',
        category: '1702',
        name: 'Export cartons',
        quantity: 3000,
        unit: 'pcs',
        period: 'month',
        source: 'in_country',
      },
      {
        key: 'esd-garments',
        category: '1410',
        name: 'ESD smocks and cleanroom garments',
        quantity: 400,
        unit: 'pcs',
        period: 'quarter',
        source: 'in_park',
        suppliedBy: 'dong-anh-garment',
      },
    ],
  },
  {
    firm: 'dong-anh-garment',
    output: {
      category: '1410',
      name: 'Workwear and uniforms',
      quantity: 50_000,
      unit: 'pcs',
      period: 'month',
    },
    inputs: [
      {
        key: 'fabric',
        category: '1312',
        name: 'Poly-cotton twill',
        quantity: 120_000,
        unit: 'm',
        period: 'month',
        source: 'imported',
      },
      {
        key: 'buttons',
        category: '2220',
        name: 'Plastic buttons and buckles',
        quantity: 300_000,
        unit: 'pcs',
        period: 'month',
        source: 'in_country',
      },
      {
        key: 'cartons',
        category: '1702',
        name: 'Shipping cartons',
        quantity: 5000,
        unit: 'pcs',
        period: 'month',
        source: 'in_country',
        suppliedBy: 'noi-bai-packaging',
      },
    ],
  },
];

type ListingSeed = { key: string; firm: string; park?: DemoParkSlug } & Record<string, unknown>;

/** Suppliers' offers, in their own languages, including idle capacity that tenants could use. */
const LISTINGS: ListingSeed[] = [
  // Dong Anh Garment, a Thang Long tenant that also supplies: ESD smocks and cleanroom garments for
  // the electronics plant next door, and its sewing line's free second shift (idle capacity).
  {
    key: 'dong-anh-esd-garments',
    firm: 'dong-anh-garment',
    park: 'thang-long',
    kind: 'product',
    title: 'Áo choàng chống tĩnh điện (ESD) và đồ phòng sạch',
    description:
      'Áo choàng ESD, mũ trùm và bao giày cho phòng sạch, may theo cỡ; kiểm tra điện trở bề mặt từng lô.',
    category: '1410',
    capacityPerPeriod: 3000,
    unit: 'pcs',
    period: 'month',
    minOrder: 100,
    indicativePrice: { amount: 185_000, currency: 'VND' },
    leadTimeDays: 10,
    serviceArea: { scope: 'radius', radiusKm: 60 },
  },
  {
    key: 'dong-anh-sewing-idle',
    firm: 'dong-anh-garment',
    park: 'thang-long',
    kind: 'capacity',
    title: 'Chuyền may trống ca hai — nhận gia công',
    description: 'Một chuyền 24 máy trống ca hai trong bốn tháng tới; nhận may gia công theo mẫu.',
    category: '1410',
    capacityPerPeriod: 1000,
    unit: 'h',
    period: 'month',
    leadTimeDays: 5,
    serviceArea: { scope: 'radius', radiusKm: 60 },
    machineClass: 'Lockstitch and overlock line, 24 machines',
    availableFor: 120,
  },
  {
    key: 'metalworks-cnc-idle',
    firm: 'eshtehard-metalworks',
    park: 'eshtehard',
    kind: 'capacity',
    title: 'ظرفیت خالی تراش و فرز CNC — شیفت دوم',
    description:
      'شیفت دوم دستگاه‌های تراش CNC و فرز پنج‌محور آزاد است؛ قطعات فولادی و آلومینیومی تا قطر ۴۰۰ میلی‌متر.',
    category: '2592',
    capacityPerPeriod: 320,
    unit: 'h',
    period: 'month',
    minOrder: 20,
    indicativePrice: { amount: 9_500_000, currency: 'IRR' },
    leadTimeDays: 3,
    serviceArea: { scope: 'radius', radiusKm: 80 },
    certificates: ['iso_9001'],
    machineClass: 'CNC lathe Ø400 mm; 5-axis machining centre',
    availableFor: 180,
  },
  {
    key: 'metalworks-parts',
    firm: 'eshtehard-metalworks',
    park: 'eshtehard',
    kind: 'product',
    title: 'قطعات ماشین‌کاری و آبکاری شده',
    description: 'ساخت قطعات فلزی طبق نقشه، با آبکاری روی و نیکل.',
    category: '2592',
    capacityPerPeriod: 20_000,
    unit: 'pcs',
    period: 'month',
    leadTimeDays: 14,
    serviceArea: { scope: 'national' },
    certificates: ['iso_9001'],
  },
  {
    key: 'karaj-cartons',
    firm: 'karaj-packaging',
    park: 'eshtehard',
    kind: 'product',
    title: 'کارتن پنج لایه چاپ‌دار',
    description: 'کارتن سه و پنج لایه با چاپ فلکسو تا چهار رنگ، مناسب لبنیات و قطعات خودرو.',
    category: '1702',
    capacityPerPeriod: 250_000,
    unit: 'pcs',
    period: 'month',
    minOrder: 5000,
    indicativePrice: { amount: 185_000, currency: 'IRR' },
    leadTimeDays: 10,
    serviceArea: { scope: 'radius', radiusKm: 150 },
    certificates: ['iso_9001', 'iso_14001'],
  },
  {
    key: 'tehran-acid',
    firm: 'tehran-chemicals',
    park: 'eshtehard',
    kind: 'product',
    title: 'اسید کلریدریک و سولفوریک صنعتی',
    description: 'اسید کلریدریک ۳۳٪ و اسید سولفوریک ۹۸٪ در مخزن و گالن، تحویل در محل.',
    category: '2011',
    capacityPerPeriod: 600,
    unit: 't',
    period: 'month',
    leadTimeDays: 5,
    serviceArea: { scope: 'national' },
    certificates: ['iso_9001'],
  },
  {
    key: 'selenge-tanning',
    firm: 'selenge-chemicals',
    park: 'darkhan',
    kind: 'product',
    title: 'Арьс идээлэх химийн бодис',
    description: 'Хромын идээлэгч, тос, будаг — арьс шир боловсруулах үйлдвэрт зориулсан.',
    category: '2029',
    capacityPerPeriod: 60,
    unit: 't',
    period: 'month',
    minOrder: 1,
    indicativePrice: { amount: 850_000_000, currency: 'MNT' },
    leadTimeDays: 7,
    serviceArea: { scope: 'radius', radiusKm: 300 },
    certificates: ['iso_9001'],
  },
  {
    key: 'erdenet-repair',
    firm: 'erdenet-machinery',
    park: 'darkhan',
    kind: 'service',
    title: 'Үйлдвэрийн тоног төхөөрөмжийн засвар үйлчилгээ',
    description: 'Хүрд, хуваагч, насос, редукторын засвар; газар дээр нь ажиллана.',
    category: '3312',
    capacityPerPeriod: 400,
    unit: 'h',
    period: 'month',
    leadTimeDays: 2,
    serviceArea: { scope: 'radius', radiusKm: 400 },
  },
  {
    key: 'threads-yarn',
    firm: 'darkhan-threads',
    park: 'darkhan',
    kind: 'product',
    title: 'Ноолуурын ээрмэл утас',
    description: 'Монгол ноолуурын утас 2/26 Nm, 2/28 Nm; байгалийн болон будсан өнгө.',
    category: '1311',
    capacityPerPeriod: 6000,
    unit: 'kg',
    period: 'month',
    minOrder: 50,
    indicativePrice: { amount: 32_000_000, currency: 'MNT' },
    leadTimeDays: 14,
    serviceArea: { scope: 'park' },
  },
  {
    key: 'threads-spinning-idle',
    firm: 'darkhan-threads',
    park: 'darkhan',
    kind: 'capacity',
    title: 'Сул хүчин чадал: цагирган ээрэх машин',
    description: 'Нэг ээлжийн ээрэх хүчин чадал сул байна; захиалгат ээрэлт хийнэ.',
    category: '1311',
    capacityPerPeriod: 200,
    unit: 'h',
    period: 'month',
    leadTimeDays: 7,
    serviceArea: { scope: 'national' },
    machineClass: 'Ring spinning frame, 480 spindles',
    availableFor: 120,
  },
  {
    key: 'hanoi-housings',
    firm: 'hanoi-plastics',
    park: 'thang-long',
    kind: 'product',
    title: 'Vỏ nhựa ép phun cho thiết bị điện tử',
    description: 'Ép phun ABS, PC, PP theo khuôn của khách hàng; sơn và in lụa.',
    category: '2220',
    capacityPerPeriod: 120_000,
    unit: 'pcs',
    period: 'month',
    minOrder: 2000,
    indicativePrice: { amount: 14_500, currency: 'VND' },
    leadTimeDays: 12,
    serviceArea: { scope: 'radius', radiusKm: 60 },
    certificates: ['iso_9001'],
  },
  {
    key: 'hanoi-moulding-idle',
    firm: 'hanoi-plastics',
    park: 'thang-long',
    kind: 'capacity',
    title: 'Công suất trống: máy ép nhựa 250 tấn',
    description: 'Hai máy ép 250 tấn còn trống ca đêm trong sáu tháng tới.',
    category: '2220',
    capacityPerPeriod: 300,
    unit: 'h',
    period: 'month',
    leadTimeDays: 5,
    serviceArea: { scope: 'radius', radiusKm: 60 },
    machineClass: 'Injection moulding machine, 250 t clamping force',
    availableFor: 180,
  },
  {
    key: 'bac-ninh-pcb',
    firm: 'bac-ninh-pcb',
    park: 'thang-long',
    kind: 'product',
    title: 'Mạch in PCB nhiều lớp',
    description: 'PCB 2–8 lớp, FR-4, hoàn thiện ENIG hoặc HASL; giao trong 10 ngày.',
    category: '2610',
    capacityPerPeriod: 60_000,
    unit: 'pcs',
    period: 'month',
    minOrder: 500,
    indicativePrice: { amount: 38_000, currency: 'VND' },
    leadTimeDays: 10,
    serviceArea: { scope: 'radius', radiusKm: 100 },
    certificates: ['iso_9001'],
  },
  {
    key: 'noi-bai-cartons',
    firm: 'noi-bai-packaging',
    park: 'thang-long',
    kind: 'product',
    title: 'Thùng carton 3 lớp, 5 lớp',
    description: 'Thùng carton sóng B, C, BC; in flexo theo yêu cầu.',
    category: '1702',
    capacityPerPeriod: 150_000,
    unit: 'pcs',
    period: 'month',
    minOrder: 1000,
    indicativePrice: { amount: 9_800, currency: 'VND' },
    leadTimeDays: 7,
    serviceArea: { scope: 'radius', radiusKm: 40 },
  },
  {
    key: 'shenzhen-pcb',
    firm: 'shenzhen-components',
    park: 'thang-long',
    kind: 'product',
    title: '多层印刷电路板 (PCB) 及电子元器件',
    description: '4–12 层 PCB，FR-4 与高频板材；可提供贴片与元器件配套。',
    category: '2610',
    capacityPerPeriod: 500_000,
    unit: 'pcs',
    period: 'month',
    minOrder: 1000,
    indicativePrice: { amount: 850, currency: 'CNY' },
    leadTimeDays: 21,
    serviceArea: { scope: 'radius', radiusKm: 1500 },
    certificates: ['iso_9001'],
  },
];

/** Open needs, in the park's languages; most come straight from a chain input. */
const NEEDS: ({ key: string; firm: string; closesInDays: number } & (
  | { input: string; body: Record<string, unknown> }
  | { body: Record<string, unknown>; input?: undefined }
))[] = [
  {
    key: 'dairy-cartons',
    firm: 'eshtehard-dairy',
    input: 'cartons',
    closesInDays: 12,
    body: {
      title: 'کارتن پنج لایه چاپ‌دار برای شیر و ماست',
      description: 'کارتن پنج لایه با چاپ دو رنگ، ابعاد ۳۰×۲۰×۲۰ سانتی‌متر، تحویل ماهانه در شهرک اشتهارد.',
      requiredCertificates: ['iso_9001'],
    },
  },
  {
    key: 'pars-machining',
    firm: 'pars-autoparts',
    input: 'machining',
    closesInDays: 10,
    body: {
      title: 'ماشین‌کاری CNC دیسک ترمز',
      description: 'تراش نهایی دیسک ترمز چدنی طبق نقشه؛ ۴۰۰ ساعت در ماه. اولویت با واحدهای داخل شهرک.',
      parkFirstHours: 48,
      mode: 'auction',
    },
  },
  {
    key: 'alborz-acid',
    firm: 'alborz-steel',
    input: 'acid',
    closesInDays: 14,
    body: {
      title: 'اسید کلریدریک ۳۳٪ برای اسیدشویی لوله',
      description: 'تحویل در مخزن ۲۰ تنی، ماهانه ۳۰ تن.',
    },
  },
  {
    key: 'pars-castings',
    firm: 'pars-autoparts',
    input: 'castings',
    closesInDays: 21,
    body: {
      title: 'Grey cast iron brake disc blanks, GG20',
      description: 'Sand-cast blanks to drawing, 300 t per month; material certificate per heat.',
      requiredCertificates: ['iso_9001'],
    },
  },
  {
    key: 'leather-chemicals',
    firm: 'darkhan-leather',
    input: 'chemicals',
    closesInDays: 15,
    body: {
      title: 'Арьс идээлэх хромын бодис ба тос',
      description: 'Сар бүр 25 тонн; Дархан-Уул аймагт хүргэлттэй.',
    },
  },
  {
    key: 'cashmere-yarn',
    firm: 'gobi-cashmere',
    input: 'yarn',
    closesInDays: 9,
    body: {
      title: 'Ноолуурын утас 2/26 Nm, байгалийн өнгө',
      description: 'Сар бүр 3000 кг, сүлжмэлийн машинд тохирох.',
      visibility: 'park',
    },
  },
  {
    key: 'leather-repair',
    firm: 'darkhan-leather',
    input: 'repair',
    closesInDays: 8,
    body: {
      title: 'Идээлэх хүрдний засвар үйлчилгээ',
      description: 'Хоёр хүрдний холхивч, араа солих; газар дээр нь.',
      recurring: false,
    },
  },
  {
    key: 'electronics-pcb',
    firm: 'thang-long-electronics',
    input: 'pcb',
    closesInDays: 12,
    body: {
      title: 'Bảng mạch in PCB 4 lớp cho bo điều khiển',
      description: 'FR-4 1,6 mm, hoàn thiện ENIG, 20.000 tấm mỗi tháng, giao tại KCN Thăng Long.',
      requiredCertificates: ['iso_9001'],
    },
  },
  {
    key: 'electronics-housings',
    firm: 'thang-long-electronics',
    input: 'housings',
    closesInDays: 16,
    body: {
      title: 'Vỏ nhựa ABS ép phun',
      description: 'Vỏ hộp điều khiển, màu xám RAL 7035, khuôn do chúng tôi cung cấp.',
    },
  },
  {
    key: 'garment-cartons',
    firm: 'dong-anh-garment',
    input: 'cartons',
    closesInDays: 11,
    body: {
      title: 'Thùng carton 5 lớp đóng hàng may mặc',
      description: 'Kích thước 60×40×40 cm, in logo một màu.',
    },
  },
];

const addDays = (d: Date, days: number) => new Date(d.getTime() + days * 86_400_000);
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Chains for every demo tenant, listings (idle capacity among them) and open needs, made through
 * the services as the demo users. Listings come first so a need finds them when it is published;
 * the stream consumer matches them (the local server runs it while seeding).
 */
export async function seedMarket(app: Container, world: DemoWorld): Promise<MarketDemo> {
  const demo: MarketDemo = { chains: {}, listings: {}, needs: {} };
  const firm = (slug: string) => {
    const f = world.firms[slug];
    if (!f) throw new Error(`The market seed names an unknown demo firm: ${slug}`);
    return f;
  };

  for (const c of CHAINS) {
    const owner = firm(c.firm);
    demo.chains[c.firm] = await app.market.chains.create(
      owner.caller,
      ChainCreate.parse({
        parkId: world.parks[owner.firm.park].parkId,
        output: c.output,
        inputs: c.inputs.map(({ key: _key, suppliedBy, ...input }) => ({
          ...input,
          ...(suppliedBy ? { supplierOrgId: firm(suppliedBy).org.orgId } : {}),
        })),
      }),
    );
  }

  for (const { key, firm: slug, park, availableFor, ...fields } of LISTINGS) {
    const supplier = firm(slug);
    const dates =
      typeof availableFor === 'number'
        ? { availableFrom: isoDate(world.now), availableUntil: isoDate(addDays(world.now, availableFor)) }
        : {};
    demo.listings[key] = await app.market.listings.create(
      supplier.caller,
      ListingInput.parse({ ...fields, ...dates, ...(park ? { parkId: world.parks[park].parkId } : {}) }),
    );
  }

  for (const n of NEEDS) {
    const owner = firm(n.firm);
    const closesAt = addDays(world.now, n.closesInDays).toISOString();
    const chain = demo.chains[n.firm];
    const input =
      chain?.inputs[CHAINS.find((c) => c.firm === n.firm)!.inputs.findIndex((i) => i.key === n.input)];
    if (n.input && chain && input) {
      demo.needs[n.key] = await app.market.needs.createFromChainInput(
        owner.caller,
        chain.chainId,
        input.inputId,
        NeedFromInput.parse({ ...n.body, closesAt, publish: true }),
      );
    } else {
      const draft = await app.market.needs.create(
        owner.caller,
        NeedInput.parse({ ...n.body, closesAt, parkId: world.parks[owner.firm.park].parkId }),
      );
      demo.needs[n.key] = await app.market.needs.publish(owner.caller, draft.needId);
    }
  }
  return demo;
}
