import { describe, expect, it } from 'vitest';
import { ChainCreate, type ChainInput, reconcileInputs } from './chain';

const line = (over: Partial<ChainInput> = {}): ChainInput => ({
  inputId: 'inp_A',
  category: '2410',
  quantity: 40,
  unit: 't',
  period: 'month',
  source: 'in_country',
  ...over,
});

describe('reconcileInputs', () => {
  it('keeps the id of an input sent back and gives new entries new ids', () => {
    const { inputs, unknownIds } = reconcileInputs(
      [line()],
      [
        { ...line(), quantity: 50 },
        { ...line({ category: '2220' }), inputId: undefined },
      ],
    );
    expect(unknownIds).toEqual([]);
    expect(inputs[0]).toMatchObject({ inputId: 'inp_A', quantity: 50 });
    expect(inputs[1]!.inputId).toMatch(/^inp_/);
    expect(inputs[1]!.inputId).not.toBe('inp_A');
  });

  it('reports ids the chain does not have, and an id used twice', () => {
    expect(reconcileInputs([line()], [line({ inputId: 'inp_X' })]).unknownIds).toEqual(['inp_X']);
    expect(reconcileInputs([line()], [line(), line()]).unknownIds).toEqual(['inp_A']);
  });

  it('drops inputs left out of the list', () => {
    expect(
      reconcileInputs([line(), line({ inputId: 'inp_B' })], [line({ inputId: 'inp_B' })]).inputs.map(
        (i) => i.inputId,
      ),
    ).toEqual(['inp_B']);
  });
});

describe('ChainCreate', () => {
  it('accepts the contract’s shape and refuses unknown sources and fields', () => {
    const ok = {
      output: { category: '2930', name: 'Brake discs' },
      inputs: [{ category: '2410', quantity: 40, unit: 't', period: 'month', source: 'in_park' }],
    };
    expect(ChainCreate.safeParse(ok).success).toBe(true);
    expect(ChainCreate.safeParse({ ...ok, inputs: [{ ...ok.inputs[0], source: 'nearby' }] }).success).toBe(
      false,
    );
    expect(ChainCreate.safeParse({ ...ok, extra: 1 }).success).toBe(false);
  });
});
