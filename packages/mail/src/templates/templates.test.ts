import { NOTIFICATION_KINDS } from '@parkbridge/domain/notifications';
import { LANGS } from '@parkbridge/domain/shared';
import { describe, expect, it } from 'vitest';
import { HmacUnsubscribeTokens } from '../tokens';
import { bodyKey, dealRef, KIND_TEMPLATES, subjectKey } from './catalogue';
import { TemplateComposer } from './composer';
import { NAMES, sampleNotification } from './fixtures';
import { placeholders, TemplateError } from './interpolate';
import { MESSAGES, type MessageKey } from './messages';

const tokens = new HmacUnsubscribeTokens('test-secret-0123456789');
const composer = new TemplateComposer({ webOrigin: () => 'https://market.example.org/', tokens });
const recipient = (language: (typeof LANGS)[number]) => ({
  userId: 'usr_1',
  email: 'reza@alborz.example',
  name: 'Reza',
  language,
  timeZone: 'Asia/Tehran',
});
const ALL_KEYS = Object.keys(MESSAGES.en) as MessageKey[];

describe('the catalogue', () => {
  it('has every key in every language, and nothing else', () => {
    for (const lang of LANGS) expect(Object.keys(MESSAGES[lang]).sort(), lang).toEqual([...ALL_KEYS].sort());
  });

  it('uses in each translation exactly the placeholders the English message uses', () => {
    const wrong = LANGS.flatMap((lang) =>
      ALL_KEYS.filter(
        (k) => placeholders(MESSAGES[lang][k]).sort().join() !== placeholders(MESSAGES.en[k]).sort().join(),
      ).map((k) => `${lang} ${k}`),
    );
    expect(wrong).toEqual([]);
  });

  it('gives every notification kind a subject and a body that use only the variables it declares', () => {
    for (const kind of NOTIFICATION_KINDS) {
      const declared = new Set<string>(KIND_TEMPLATES[kind].vars);
      for (const key of [subjectKey(kind), bodyKey(kind)]) {
        expect(MESSAGES.en[key], key).toBeTypeOf('string');
        expect(
          placeholders(MESSAGES.en[key]).filter((p) => !declared.has(p)),
          key,
        ).toEqual([]);
      }
    }
  });
});

describe.for(LANGS)('every notification kind in %s', (lang) => {
  it.for(NOTIFICATION_KINDS)('%s renders completely, names its subject and links straight to it', (kind) => {
    const mail = composer.compose({
      type: 'instant',
      mailId: `instant:${kind}:usr_1`,
      recipient: recipient(lang),
      notification: sampleNotification(kind),
      names: NAMES,
    });
    for (const part of [mail.subject, mail.text, mail.html]) expect(part).not.toMatch(/\{[A-Za-z]+\}/);
    expect(mail.text.length).toBeGreaterThan(40);
    expect(mail.html).toContain(`<html lang="${lang}" dir="${lang === 'fa' ? 'rtl' : 'ltr'}">`);
    const { vars } = KIND_TEMPLATES[kind];
    const named = vars.includes('need')
      ? 'Cold-rolled steel coil, 2 mm'
      : vars.includes('expo')
        ? 'Eshtehard Industry Week 2026'
        : vars.includes('deal')
          ? dealRef('deal_01J000000000000000000DEAL1')
          : vars.includes('offering')
            ? 'Former dairy line, hall B'
            : 'reza@alborz.example';
    expect(mail.subject + mail.text).toContain(named);
    expect(mail.text).toMatch(
      /https:\/\/market\.example\.org\/(needs|deals|bookings|expos|offerings|settings)/,
    );
    expect(mail.headers['List-Unsubscribe']).toMatch(
      /^<https:\/\/market\.example\.org\/v1\/email\/unsubscribe\?token=[^>]+>$/,
    );
    expect(mail.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(mail.language).toBe(lang);
  });

  it('renders a digest of every kind, one line each, with links', () => {
    const notifications = NOTIFICATION_KINDS.map((k, i) => sampleNotification(k, i));
    const mail = composer.compose({
      type: 'digest',
      mailId: 'digest:usr_1:2026-03-02',
      recipient: recipient(lang),
      date: '2026-03-02',
      notifications,
      names: NAMES,
    });
    expect(mail.subject).not.toMatch(/\{/);
    expect(mail.text.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(NOTIFICATION_KINDS.length);
    expect(mail.tag).toBe('digest');
    expect(
      tokens.verify(decodeURIComponent(/token=([^>]+)>/.exec(mail.headers['List-Unsubscribe']!)![1]!)),
    ).toEqual({
      userId: 'usr_1',
      scope: 'digest',
    });
  });

  it('names the deal’s number in a deal room message and leads straight to the room', () => {
    const mail = composer.compose({
      type: 'instant',
      mailId: 'instant:deal.message:usr_1',
      recipient: recipient(lang),
      notification: sampleNotification('deal.message'),
      names: NAMES,
    });
    const ref = dealRef('deal_01J000000000000000000DEAL1');
    expect(mail.subject).toContain(ref);
    expect(mail.text).toContain(ref);
    expect(mail.text).toContain('https://market.example.org/deals/deal_01J000000000000000000DEAL1#room');
    expect(mail.html).toContain(MESSAGES[lang]['action.dealRoom']);
  });

  it('renders an invitation (a message that is not a notification)', () => {
    const mail = composer.compose({
      type: 'direct',
      mail: {
        purpose: 'direct',
        mailId: 'direct:inv_1',
        template: 'invitation',
        to: 'new@firm.example',
        language: lang,
        vars: {
          orgName: 'Alborz Steel',
          role: 'buyer',
          inviterName: 'Reza',
          link: 'https://market.example.org/invitations/inv_1',
          expiresAt: '2026-03-08T10:00:00.000Z',
        },
        status: 'pending',
        attempts: 0,
        nextAttemptAtMs: 0,
        createdAt: '2026-03-01T10:00:00.000Z',
      },
    });
    expect(mail.subject).toContain('Alborz Steel');
    expect(mail.text).toContain('https://market.example.org/invitations/inv_1');
    expect(mail.text).toContain(MESSAGES[lang]['role.buyer']);
    expect(mail.headers['List-Unsubscribe']).toBeUndefined();
  });
});

describe('what a person typed', () => {
  it('is escaped in the HTML of every template and stays text in the plain part', () => {
    const hostile = '<script>alert("x")</script> & <b>bold</b>';
    for (const kind of NOTIFICATION_KINDS) {
      const n = sampleNotification(kind);
      const names = {
        needs: { [n.data.needId as string]: hostile },
        deals: { [n.data.dealId as string]: hostile },
        expos: { [n.data.expoId as string]: hostile },
      };
      const data = { ...n.data, reason: hostile, name: hostile, title: hostile };
      const mail = composer.compose({
        type: 'instant',
        mailId: 'm',
        recipient: { ...recipient('en'), name: hostile },
        notification: { ...n, data },
        names,
      });
      expect(mail.html, kind).not.toContain('<script>');
      expect(mail.html, kind).not.toContain('<b>bold');
      expect(mail.html, kind).toContain('&lt;script&gt;');
      expect(mail.text, kind).toContain(hostile);
    }
  });
});

describe('a variable that cannot be filled', () => {
  it('throws rather than send an email with a hole in it', () => {
    const n = sampleNotification('need.cancelled');
    expect(() =>
      composer.compose({
        type: 'instant',
        mailId: 'm',
        recipient: recipient('en'),
        notification: { ...n, data: { needId: n.data.needId } },
        names: NAMES,
      }),
    ).toThrow(TemplateError);
    expect(() =>
      composer.compose({
        type: 'instant',
        mailId: 'm',
        recipient: recipient('fa'),
        notification: { ...sampleNotification('bid.lost'), data: {}, entityId: 'bid_1' },
        names: { needs: {}, deals: {}, expos: {} },
      }),
    ).toThrow(/\{need\}/);
  });
});
