import { monotonicFactory } from 'ulid';
import { z } from 'zod';
import { Text } from '../shared/locale';
import { Period, Quantity, Unit } from '../shared/units';

/** Where an input comes from today: the chain map's local sourcing ratio counts `in_park`. */
export const InputSource = z.enum(['in_park', 'in_country', 'imported']);
export type InputSource = z.infer<typeof InputSource>;

const ChainCategory = z.string().regex(/^\d{2,4}$/, 'An ISIC division, group or class code, e.g. 2420.');

export const ChainOutput = z.strictObject({
  category: ChainCategory,
  name: Text(200),
  quantity: Quantity.optional(),
  unit: Unit.optional(),
  period: Period.optional(),
});
export type ChainOutput = z.infer<typeof ChainOutput>;

export const ChainInputFields = z.strictObject({
  category: ChainCategory,
  name: Text(200).optional(),
  quantity: Quantity,
  unit: Unit,
  period: Period,
  source: InputSource,
  /** The firm that supplies it today, when the tenant says so (the chain map draws the edge). */
  supplierOrgId: z.string().min(1).max(64).optional(),
});
export type ChainInputFields = z.infer<typeof ChainInputFields>;

export const MAX_CHAIN_INPUTS = 50;

export const ChainCreate = z.strictObject({
  /** The park the tenant produces in; may be left out when the tenant is in exactly one park. */
  parkId: z.string().min(1).max(64).optional(),
  output: ChainOutput,
  inputs: z.array(ChainInputFields).max(MAX_CHAIN_INPUTS),
});
export type ChainCreate = z.infer<typeof ChainCreate>;

/** Inputs are replaced as a list; one that keeps its `inputId` stays the same input (needs refer to it). */
export const ChainPatch = z
  .strictObject({
    output: ChainOutput.optional(),
    inputs: z
      .array(ChainInputFields.extend({ inputId: z.string().min(1).max(64).optional() }))
      .max(MAX_CHAIN_INPUTS)
      .optional(),
  })
  .refine((p) => p.output !== undefined || p.inputs !== undefined, 'Change the output or the inputs.');
export type ChainPatch = z.infer<typeof ChainPatch>;

export const ChainInput = ChainInputFields.extend({ inputId: z.string() });
export type ChainInput = z.infer<typeof ChainInput>;

/** A tenant's production chain in one park: what it makes and the inputs it buys per period. */
export const Chain = z.object({
  chainId: z.string(),
  ownerOrgId: z.string(),
  parkId: z.string(),
  output: ChainOutput,
  inputs: z.array(ChainInput),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Chain = z.infer<typeof Chain>;

const ulid = monotonicFactory();
export const newInputId = (): string => `inp_${ulid()}`;

/**
 * Applies a replacement list of inputs: an entry naming an existing inputId keeps that id, one
 * without gets a new id. An inputId the chain does not have is an error (it would silently fork).
 */
export function reconcileInputs(
  current: readonly ChainInput[],
  next: readonly (ChainInputFields & { inputId?: string | undefined })[],
): { inputs: ChainInput[]; unknownIds: string[] } {
  const known = new Set(current.map((i) => i.inputId));
  const seen = new Set<string>();
  const unknownIds: string[] = [];
  const inputs = next.map((entry) => {
    const { inputId, ...fields } = entry;
    if (inputId && (!known.has(inputId) || seen.has(inputId))) unknownIds.push(inputId);
    const id = inputId && known.has(inputId) && !seen.has(inputId) ? inputId : newInputId();
    seen.add(id);
    return { ...fields, inputId: id };
  });
  return { inputs, unknownIds };
}
