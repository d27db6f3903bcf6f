import { z } from 'zod';
import { mechanics } from '../mechanics/registry.js';
import { describeField } from './field-descriptions.js';

/** Where the schema is published; a campaign file may use it or the copy in the installed package. */
export const CAMPAIGN_SCHEMA_ID = 'https://unpkg.com/@liebian/core/campaign.schema.json';

type Json = Record<string, unknown>;

/** JSON Schema's conditional `{ if, then, else }` (a schema keyword, never awaited). */
function conditional(condition: Json, consequent: unknown, alternative?: unknown): Json {
  // biome-ignore lint/suspicious/noThenProperty: `then` is the JSON Schema keyword here, not a thenable
  const node: Json = { if: condition, then: consequent };
  if (alternative !== undefined) node.else = alternative;
  return node;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A union whose branches are objects told apart by one property's `const` (zod's discriminated union) becomes an
 * `if`/`then` per branch, so a validator checks only the branch the value names: one mistake, one error.
 */
function dispatch(node: Json): Json | null {
  const branches = (node.oneOf ?? node.anyOf) as Json[] | undefined;
  if (!Array.isArray(branches) || branches.length < 2) return null;
  const first = branches[0]?.properties;
  if (!isObject(first)) return null;
  const tag = Object.keys(first).find((key) =>
    branches.every(
      (b) => isObject(b.properties) && isObject(b.properties[key]) && 'const' in b.properties[key],
    ),
  );
  if (tag === undefined) return null;
  const values = branches.map((b) => ((b.properties as Json)[tag] as Json).const);
  const { oneOf: _o, anyOf: _a, ...rest } = node;
  return {
    ...rest,
    type: 'object',
    properties: { [tag]: { type: 'string', enum: values } },
    required: [tag],
    allOf: branches.map((branch, i) =>
      conditional({ properties: { [tag]: { const: values[i] } }, required: [tag] }, branch),
    ),
  };
}

/**
 * A union of objects told apart by which keys they have (`{ from, until }` or `{ days }`) becomes
 * `if: { required: [key] } then: … else: …`, for the same reason.
 */
function byKeys(node: Json): Json | null {
  const branches = node.anyOf as Json[] | undefined;
  if (!Array.isArray(branches) || branches.length < 2) return null;
  if (!branches.every((b) => b.type === 'object' && isObject(b.properties))) return null;
  const keys = branches.map((b, i) =>
    ((b.required as string[] | undefined) ?? []).find((key) =>
      branches.every((other, j) => j === i || !(key in (other.properties as Json))),
    ),
  );
  if (keys.slice(1).some((key) => key === undefined)) return null;
  const { anyOf: _a, ...rest } = node;
  let chain: Json = branches[0] as Json;
  for (let i = 1; i < branches.length; i++)
    chain = conditional({ type: 'object', required: [keys[i]] }, branches[i], chain);
  return { ...rest, type: 'object', ...chain };
}

function rewrite(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewrite);
  if (!isObject(node)) return node;
  const dispatched = dispatch(node) ?? byKeys(node);
  const base = dispatched ?? node;
  return Object.fromEntries(Object.entries(base).map(([key, value]) => [key, rewrite(value)]));
}

/** Adds the description of every property, found by its path (`kind` decides the rules' descriptions). */
function describe(node: unknown, path: string, kind: string | undefined): void {
  if (Array.isArray(node)) {
    for (const item of node) describe(item, path, kind);
    return;
  }
  if (!isObject(node)) return;
  if (isObject(node.properties))
    for (const [name, child] of Object.entries(node.properties)) {
      const childPath = path ? `${path}.${name}` : name;
      const text = describeField(childPath, kind);
      if (isObject(child) && text !== undefined) child.description = text;
      describe(child, childPath, kind);
    }
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties') continue;
    describe(value, key === 'items' ? `${path}[]` : path, kind);
  }
}

function equal(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The JSON Schema (draft 2020-12) of a campaign file, for editor autocompletion and any generic validator. Every
 * field has a description. The fields every kind shares are checked once; `rules` is checked against the schema of
 * the `kind` the file names only (an `if`/`then` per kind), so a validator reports each mistake once, not once per
 * kind. Cross-field rules (floor below price, reachable floor) are checked by `defineCampaign`. The package ships
 * it as `@liebian/core/campaign.schema.json`.
 *
 * @example
 * // a campaign file: { "$schema": "./node_modules/@liebian/core/campaign.schema.json", "kind": "bargain", … }
 * writeFileSync('campaign.schema.json', JSON.stringify(campaignJsonSchema(), null, 2));
 */
export function campaignJsonSchema(): Json {
  const kinds = Object.keys(mechanics);
  const branches = Object.values(mechanics).map(
    (m) =>
      z.toJSONSchema(m.campaignSchema as z.ZodType, {
        io: 'input',
        unrepresentable: 'any',
        target: 'draft-2020-12',
      }) as Json & { properties: Json; required: string[] },
  );
  const [first] = branches;
  if (!first) throw new Error('no mechanics registered');
  const common = Object.keys(first.properties).filter(
    (key) => key !== 'kind' && branches.every((b) => equal(b.properties[key], first.properties[key])),
  );
  const required = first.required.filter((key) => branches.every((b) => b.required.includes(key)));
  const own = (branch: Json & { properties: Json; required: string[] }) => ({
    properties: Object.fromEntries(
      Object.entries(branch.properties).filter(([key]) => key !== 'kind' && !common.includes(key)),
    ),
    required: branch.required.filter((key) => !required.includes(key)),
  });
  const specific = [...new Set(branches.flatMap((b) => Object.keys(own(b).properties)))];
  const root: Json = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: CAMPAIGN_SCHEMA_ID,
    title: 'Liebian campaign',
    description:
      'A Liebian campaign file: what runs (kind and rules), when (schedule), what is given (rewards, stock, budget), ' +
      'who may take part (antiAbuse), what the landing page says (page) and the disclosed terms (disclosure). Money is ' +
      'integer 分 (fen): 19900 = ¥199.00.',
    type: 'object',
    properties: {
      ...Object.fromEntries(common.map((key) => [key, first.properties[key]])),
      kind: { type: 'string', enum: kinds },
      // Named here so `additionalProperties` knows them; their schema depends on the kind (below).
      ...Object.fromEntries(specific.map((key) => [key, {}])),
    },
    required: [...new Set([...required, 'kind'])],
    additionalProperties: false,
    allOf: kinds.map((kind, i) => {
      const branch = own(branches[i] as Json & { properties: Json; required: string[] });
      const checks: Json = { properties: branch.properties };
      if (branch.required.length > 0) checks.required = branch.required;
      const checked = rewrite(checks) as Json;
      describe(checked, '', kind);
      return conditional({ properties: { kind: { const: kind } }, required: ['kind'] }, checked);
    }),
  };
  describe({ properties: root.properties }, '', undefined);
  // Descriptions of the kind-specific fields sit in each branch; the placeholders say what they are in general.
  for (const key of specific)
    (root.properties as Record<string, Json>)[key] = { description: describeField(key, undefined) };
  return root;
}
