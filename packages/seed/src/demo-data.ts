import type { CertificateKind } from '@parkbridge/domain/orgs';
import type { LocalizedText } from '@parkbridge/domain/shared';

/**
 * The demo marketplace's parks and firms. Park positions are approximate (the containing city's
 * centre, or a district-level estimate), not surveyed park locations.
 */
export const DEMO_OPERATOR_EMAIL = 'operator@parkbridge.demo';

export const DEMO_PARKS = [
  {
    slug: 'eshtehard',
    name: 'Eshtehard Industrial Town',
    names: { fa: 'شهرک صنعتی اشتهارد', en: 'Eshtehard Industrial Town' },
    country: 'IR',
    city: 'Eshtehard, Alborz Province',
    location: { lat: 35.72472, lon: 50.37167 },
    currency: 'IRR',
    timeZone: 'Asia/Tehran',
    kind: 'industrial_park',
  },
  {
    slug: 'darkhan',
    name: 'Darkhan Leather Technology Park',
    names: { mn: 'Дархан арьс ширний технологийн парк', en: 'Darkhan Leather Technology Park' },
    country: 'MN',
    city: 'Darkhan, Darkhan-Uul Province',
    location: { lat: 49.46889, lon: 105.9575 },
    currency: 'MNT',
    timeZone: 'Asia/Ulaanbaatar',
    kind: 'technology_park',
  },
  {
    slug: 'thang-long',
    name: 'Thang Long Industrial Park',
    names: { vi: 'Khu công nghiệp Thăng Long', en: 'Thang Long Industrial Park' },
    country: 'VN',
    city: 'Hanoi (Dong Anh District)',
    location: { lat: 21.115, lon: 105.785 },
    currency: 'VND',
    timeZone: 'Asia/Ho_Chi_Minh',
    kind: 'industrial_park',
  },
] as const;

export type DemoParkSlug = (typeof DEMO_PARKS)[number]['slug'];

export interface DemoFirm {
  slug: string;
  email: string;
  name: string;
  names: LocalizedText;
  kinds: ('tenant' | 'supplier')[];
  park: DemoParkSlug;
  /** Whether it sits in the park (tenant membership) or serves it from outside (supplier only). */
  country: string;
  city: string;
  location: { lat: number; lon: number };
  certificates: { kind: CertificateKind; issuer: string; validUntil: string; verified: boolean }[];
  /** ISIC class of what it makes or offers, for the chains and listings the demo adds. */
  isic: string;
}

const cert = (kind: CertificateKind, issuer: string, validUntil = '2028-12-31', verified = true) => ({
  kind,
  issuer,
  validUntil,
  verified,
});

export const DEMO_FIRMS: DemoFirm[] = [
  // Eshtehard, Iran
  {
    slug: 'alborz-steel',
    email: 'tenant@alborz-steel.demo',
    name: 'Alborz Steel Pipe Co.',
    names: { fa: 'شرکت لوله فولادی البرز' },
    kinds: ['tenant'],
    park: 'eshtehard',
    country: 'IR',
    city: 'Eshtehard',
    location: { lat: 35.726, lon: 50.366 },
    certificates: [cert('iso_9001', 'Iran Standard Quality Certification')],
    isic: '2420',
  },
  {
    slug: 'eshtehard-dairy',
    email: 'tenant@eshtehard-dairy.demo',
    name: 'Eshtehard Dairy Products',
    names: { fa: 'فرآورده‌های لبنی اشتهارد' },
    kinds: ['tenant'],
    park: 'eshtehard',
    country: 'IR',
    city: 'Eshtehard',
    location: { lat: 35.721, lon: 50.379 },
    certificates: [
      cert('iso_22000', 'Iran Food and Drug Administration'),
      cert('halal', 'Islamic Halal Centre'),
    ],
    isic: '1050',
  },
  {
    slug: 'pars-autoparts',
    email: 'tenant@pars-autoparts.demo',
    name: 'Pars Auto Parts',
    names: { fa: 'قطعه‌سازی خودرو پارس' },
    kinds: ['tenant'],
    park: 'eshtehard',
    country: 'IR',
    city: 'Eshtehard',
    location: { lat: 35.73, lon: 50.372 },
    certificates: [cert('knowledge_based', 'Vice Presidency for Science and Technology')],
    isic: '2930',
  },
  {
    slug: 'eshtehard-metalworks',
    email: 'sales@eshtehard-metalworks.demo',
    name: 'Eshtehard Metalworks',
    names: { fa: 'فلزکاری اشتهارد' },
    kinds: ['tenant', 'supplier'],
    park: 'eshtehard',
    country: 'IR',
    city: 'Eshtehard',
    location: { lat: 35.719, lon: 50.368 },
    certificates: [cert('iso_9001', 'TÜV Iran')],
    isic: '2592',
  },
  {
    slug: 'karaj-packaging',
    email: 'sales@karaj-packaging.demo',
    name: 'Karaj Packaging Industries',
    names: { fa: 'صنایع بسته‌بندی کرج' },
    kinds: ['supplier'],
    park: 'eshtehard',
    country: 'IR',
    city: 'Karaj',
    location: { lat: 35.84, lon: 50.939 },
    certificates: [
      cert('iso_9001', 'Iran Standard Quality Certification'),
      cert('iso_14001', 'TÜV Iran', '2025-06-30'),
    ],
    isic: '1702',
  },
  {
    slug: 'tehran-chemicals',
    email: 'sales@tehran-chemicals.demo',
    name: 'Tehran Chemical Supply',
    names: { fa: 'تأمین مواد شیمیایی تهران' },
    kinds: ['supplier'],
    park: 'eshtehard',
    country: 'IR',
    city: 'Tehran',
    location: { lat: 35.6892, lon: 51.389 },
    certificates: [cert('iso_9001', 'Iran Standard Quality Certification', '2027-03-20', false)],
    isic: '2011',
  },
  // Darkhan, Mongolia
  {
    slug: 'darkhan-leather',
    email: 'tenant@darkhan-leather.demo',
    name: 'Darkhan Leather LLC',
    names: { mn: 'Дархан Арьс ХХК' },
    kinds: ['tenant'],
    park: 'darkhan',
    country: 'MN',
    city: 'Darkhan',
    location: { lat: 49.47, lon: 105.95 },
    certificates: [cert('iso_14001', 'MNS Certification Centre')],
    isic: '1511',
  },
  {
    slug: 'gobi-cashmere',
    email: 'tenant@gobi-cashmere.demo',
    name: 'Gobi Cashmere Workshop',
    names: { mn: 'Говь Ноолуур Цех' },
    kinds: ['tenant'],
    park: 'darkhan',
    country: 'MN',
    city: 'Darkhan',
    location: { lat: 49.465, lon: 105.962 },
    certificates: [],
    isic: '1430',
  },
  {
    slug: 'selenge-chemicals',
    email: 'sales@selenge-chemicals.demo',
    name: 'Selenge Chemicals',
    names: { mn: 'Сэлэнгэ Химийн Бүтээгдэхүүн ХХК' },
    kinds: ['supplier'],
    park: 'darkhan',
    country: 'MN',
    city: 'Sükhbaatar',
    location: { lat: 50.231, lon: 106.207 },
    certificates: [cert('iso_9001', 'MNS Certification Centre')],
    isic: '2029',
  },
  {
    slug: 'erdenet-machinery',
    email: 'sales@erdenet-machinery.demo',
    name: 'Erdenet Machinery Service',
    names: { mn: 'Эрдэнэт Машин Засвар ХХК' },
    kinds: ['supplier'],
    park: 'darkhan',
    country: 'MN',
    city: 'Erdenet',
    location: { lat: 49.027, lon: 104.044 },
    certificates: [],
    isic: '3312',
  },
  {
    slug: 'darkhan-threads',
    email: 'sales@darkhan-threads.demo',
    name: 'Darkhan Threads',
    names: { mn: 'Дархан Утас ХХК' },
    kinds: ['tenant', 'supplier'],
    park: 'darkhan',
    country: 'MN',
    city: 'Darkhan',
    location: { lat: 49.468, lon: 105.958 },
    certificates: [],
    isic: '1311',
  },
  // Thang Long, Vietnam
  {
    slug: 'thang-long-electronics',
    email: 'tenant@thang-long-electronics.demo',
    name: 'Thang Long Electronics Assembly',
    names: { vi: 'Công ty Lắp ráp Điện tử Thăng Long' },
    kinds: ['tenant'],
    park: 'thang-long',
    country: 'VN',
    city: 'Hanoi',
    location: { lat: 21.117, lon: 105.781 },
    certificates: [cert('iso_9001', 'QUACERT'), cert('iso_14001', 'QUACERT')],
    isic: '2610',
  },
  {
    slug: 'dong-anh-garment',
    email: 'tenant@dong-anh-garment.demo',
    name: 'Dong Anh Garment',
    names: { vi: 'Công ty May mặc Đông Anh' },
    // It also sews ESD workwear for the electronics plant: Thang Long's in-park supplier.
    kinds: ['tenant', 'supplier'],
    park: 'thang-long',
    country: 'VN',
    city: 'Hanoi',
    location: { lat: 21.14, lon: 105.85 },
    certificates: [],
    isic: '1410',
  },
  {
    slug: 'hanoi-plastics',
    email: 'sales@hanoi-plastics.demo',
    name: 'Hanoi Plastic Molding',
    names: { vi: 'Công ty Ép nhựa Hà Nội' },
    kinds: ['supplier'],
    park: 'thang-long',
    country: 'VN',
    city: 'Hanoi',
    location: { lat: 21.028, lon: 105.804 },
    certificates: [cert('iso_9001', 'QUACERT')],
    isic: '2220',
  },
  {
    slug: 'bac-ninh-pcb',
    email: 'sales@bac-ninh-pcb.demo',
    name: 'Bac Ninh PCB',
    names: { vi: 'Công ty Mạch in Bắc Ninh' },
    kinds: ['supplier'],
    park: 'thang-long',
    country: 'VN',
    city: 'Bac Ninh',
    location: { lat: 21.186, lon: 106.076 },
    certificates: [cert('iso_9001', 'Bureau Veritas Vietnam')],
    isic: '2610',
  },
  {
    slug: 'noi-bai-packaging',
    email: 'sales@noi-bai-packaging.demo',
    name: 'Noi Bai Packaging',
    names: { vi: 'Công ty Bao bì Nội Bài' },
    kinds: ['supplier'],
    park: 'thang-long',
    country: 'VN',
    city: 'Hanoi (Soc Son)',
    location: { lat: 21.24, lon: 105.84 },
    certificates: [],
    isic: '1702',
  },
  {
    slug: 'shenzhen-components',
    email: 'sales@shenzhen-components.demo',
    name: 'Shenzhen Components Trading',
    names: { zh: '深圳元器件贸易有限公司' },
    kinds: ['supplier'],
    park: 'thang-long',
    country: 'CN',
    city: 'Shenzhen',
    location: { lat: 22.543, lon: 114.058 },
    certificates: [cert('iso_9001', 'CQC')],
    isic: '2610',
  },
];

/** A colleague of a demo organisation's founding admin: a person with another role. */
export interface DemoPerson {
  email: string;
  name: string;
  role: 'buyer' | 'seller' | 'viewer' | 'staff';
}

/** People's names by country, so each firm's colleagues are named as its people would be. */
const NAMES: Record<string, readonly string[]> = {
  IR: ['مریم کریمی', 'رضا احمدی', 'سارا موسوی'],
  MN: ['Оюунчимэг Бат', 'Бат-Эрдэнэ Ганболд', 'Сарантуяа Дорж'],
  VN: ['Nguyễn Thị Lan', 'Trần Văn Minh', 'Phạm Thu Hà'],
  CN: ['王芳', '李伟', '张敏'],
};

/**
 * Each demo firm's people beside its founder (the admin who signs in as its first address): a
 * buyer if it buys, a seller if it sells, and a viewer; so every firm has three or four people of
 * different roles. Addresses are `<role>@<firm>.demo`.
 */
export function demoPeople(f: DemoFirm): DemoPerson[] {
  const roles = [
    ...(f.kinds.includes('tenant') ? (['buyer'] as const) : []),
    ...(f.kinds.includes('supplier') ? (['seller'] as const) : []),
    'viewer' as const,
  ];
  const names = NAMES[f.country] ?? NAMES.IR!;
  return roles.map((role, i) => ({ email: `${role}@${f.slug}.demo`, name: names[i] ?? role, role }));
}

/** The park authority's member of staff beside the demo operator (its admin). */
export const DEMO_OPERATOR_STAFF: DemoPerson = {
  email: 'staff@parkbridge.demo',
  name: 'Demo park staff',
  role: 'staff',
};

/**
 * Four eyes in the demo: Dong Anh Garment's awards above 20,000,000 VND wait for a second admin,
 * and its buyer has asked to award yesterday's sewing thread need, which waits.
 */
export const DEMO_FOUR_EYES = { firm: 'dong-anh-garment', above: { amount: 20_000_000, currency: 'VND' } };

/** An invitation nobody has accepted yet: sign in as its address to find it. */
export const DEMO_PENDING_INVITATION = {
  firm: 'alborz-steel',
  email: 'purchasing@alborz-steel.demo',
  role: 'buyer',
} as const;

export const DEMO_LOGINS = [
  {
    email: DEMO_OPERATOR_EMAIL,
    role: 'operator',
    org: 'Parkbridge Demo Park Authority (operates every demo park)',
    people: [DEMO_OPERATOR_STAFF],
  },
  ...DEMO_FIRMS.map((f) => ({
    email: f.email,
    role: f.kinds.join('+'),
    org: `${f.name} (${f.park})`,
    people: demoPeople(f),
  })),
];
