import { describe, expect, it } from 'vitest';
import {
  capacityComponent,
  categoryComponent,
  certificatesComponent,
  distanceComponent,
  leadTimeComponent,
  reputationComponent,
  responsivenessComponent,
  SCORE_WEIGHTS,
  totalScore,
} from './score';

describe('score components', () => {
  it('weigh 100 in all', () => {
    expect(Object.values(SCORE_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('rank category specificity exact > group > division', () => {
    const exact = categoryComponent('exact', '2420', '2420');
    const group = categoryComponent('group', '2420', '2429');
    const division = categoryComponent('division', '2420', '2410');
    expect([exact.code, group.code, division.code]).toEqual([
      'category.exact',
      'category.same_group',
      'category.same_division',
    ]);
    expect(exact.points).toBe(35);
    expect(group.points).toBeGreaterThan(division.points);
  });

  it('give the same park full distance points and fall to zero at 1000 km', () => {
    expect(distanceComponent(true, 0)).toMatchObject({ code: 'distance.same_park', points: 25 });
    expect(distanceComponent(false, 0).points).toBe(20);
    expect(distanceComponent(false, 500).points).toBe(10);
    expect(distanceComponent(false, 1500).points).toBe(0);
    expect(distanceComponent(false, null)).toMatchObject({ code: 'distance.unknown', points: 5 });
    expect(distanceComponent(false, 212.4).detail).toBe('212 km from the delivery park.');
  });

  it('compare capacity per the need’s period', () => {
    const need = { quantity: 100, unit: 't' as const, recurrence: { every: 'month' as const } };
    expect(capacityComponent(need, { unit: 't', capacityPerPeriod: 30, period: 'week' })).toMatchObject({
      code: 'capacity.covers',
      points: 15,
    });
    const partial = capacityComponent(need, { unit: 't', capacityPerPeriod: 10, period: 'week' });
    expect(partial.code).toBe('capacity.partial');
    expect(partial.points).toBeCloseTo(15 * ((10 * 52) / 12 / 100), 1);
  });

  it('score zero capacity below the minimum order and little for another unit', () => {
    const need = { quantity: 5, unit: 't' as const, recurrence: undefined };
    expect(
      capacityComponent(need, { unit: 't', capacityPerPeriod: 100, period: 'month', minOrder: 10 }),
    ).toMatchObject({
      code: 'capacity.below_minimum_order',
      points: 0,
    });
    expect(capacityComponent(need, { unit: 'kg', capacityPerPeriod: 100, period: 'month' }).code).toBe(
      'capacity.unit_differs',
    );
    expect(capacityComponent(need, { unit: 't' })).toMatchObject({ code: 'capacity.unknown', points: 7.5 });
  });

  it('prefer short lead times', () => {
    expect(leadTimeComponent(0).points).toBe(10);
    expect(leadTimeComponent(30).points).toBe(5);
    expect(leadTimeComponent(90).points).toBe(0);
  });

  it('reward held certificates', () => {
    expect(certificatesComponent(['iso_9001'], []).code).toBe('certificates.required_held');
    expect(certificatesComponent([], ['iso_14001']).points).toBe(5);
    expect(certificatesComponent([], []).points).toBe(2);
  });

  it('count a supplier without history as neutral, and pull few ratings towards the middle', () => {
    const neutral = { ratingAverage: null, ratingCount: 0, responseRate: null };
    expect(reputationComponent(neutral)).toMatchObject({ code: 'reputation.neutral', points: 3.5 });
    expect(responsivenessComponent(neutral)).toMatchObject({ code: 'responsiveness.neutral', points: 1.5 });
    const twoFives = reputationComponent({ ratingAverage: 5, ratingCount: 2, responseRate: null });
    const manyGood = reputationComponent({ ratingAverage: 4.8, ratingCount: 50, responseRate: null });
    expect(manyGood.points).toBeGreaterThan(twoFives.points);
    expect(responsivenessComponent({ ratingAverage: null, ratingCount: 0, responseRate: 0.5 }).points).toBe(
      1.5,
    );
  });

  it('total to an integer between 0 and 100', () => {
    expect(totalScore([{ points: 35 }, { points: 25 }, { points: 15.4 }])).toBe(75);
    expect(totalScore([{ points: 200 }])).toBe(100);
    expect(totalScore([])).toBe(0);
  });
});
