import { formatMoney } from '../../primitives/money.js';
import type { Campaign } from '../mechanic.js';

/**
 * A campaign that promises `stock.total` units and pays up to `perUnitFen` of subsidy on each must fund them all:
 * otherwise people are refused `budget-exhausted` after their friends helped, for units the page still offers
 * (规范促销行为暂行规定 Art 6: a promise made is kept). Returns the issue to report on `budget.totalFen`, if any.
 * @example budgetCoverIssue(campaign, 18_910) // with stock 200 and ¥30,000: "covers only 158 of the 200 units…"
 */
export function budgetCoverIssue(
  c: Pick<Campaign, 'stock' | 'budget'>,
  perUnitFen: number,
): { path: (string | number)[]; message: string } | null {
  if (c.stock === undefined || c.budget === undefined || perUnitFen <= 0) return null;
  const needed = c.stock.total * perUnitFen;
  if (c.budget.totalFen >= needed) return null;
  const covered = Math.floor(c.budget.totalFen / perUnitFen);
  return {
    path: ['budget', 'totalFen'],
    message: `covers only ${covered} of the ${c.stock.total} units at up to ${formatMoney(perUnitFen)} of subsidy each; raise it to ${needed} (${formatMoney(needed)}) or lower stock.total to ${covered}`,
  };
}
