import { writeFileSync } from 'node:fs';
import { type AnyCampaign, isLiebianError } from '@liebian/core';
import { type SimulationOptions, simulateCampaign } from '@liebian/core/analytics';
import { simulationLines, simulationReportHtml } from './simulation-report.js';

/** Where the command writes: results to `out`, progress and problems to `err`. */
interface Io {
  out(line: string): void;
  err(line: string): void;
}

/** `moments=0.3,group=0.5` → `{ moments: 0.3, group: 0.5 }`; a malformed pair is kept as NaN for the check to name. */
const rates = (text: string): Record<string, number> =>
  Object.fromEntries(
    text.split(',').map((pair) => {
      const [channel = '', rate = ''] = pair.split('=');
      return [channel.trim(), rate.trim() === '' ? Number.NaN : Number(rate)];
    }),
  );

/** The command line's values as forecast options (numbers are checked by `simulateCampaign`, naming the field). */
export function simulationOptions(values: Readonly<Record<string, unknown>>): SimulationOptions {
  const num = (flag: string) => (values[flag] === undefined ? undefined : Number(values[flag]));
  const optional = (flag: string, key: keyof SimulationOptions) => {
    const n = num(flag);
    return n === undefined ? {} : { [key]: n };
  };
  return {
    seeds: num('seeds') as number,
    shareRate: num('share-rate') as number,
    reach: num('reach') as number,
    openRate: rates(String(values['open-rate'] ?? '')),
    actionRate: num('action-rate') as number,
    launchRate: num('launch-rate') as number,
    newUserShare: num('new-user-share') as number,
    timeToActMinutes: num('time-to-act') as number,
    ...optional('purchase-rate', 'purchaseRate'),
    ...optional('runs', 'runs'),
    ...optional('seed', 'seed'),
    ...optional('days', 'days'),
    ...optional('budget-fen', 'budgetFen'),
  };
}

/**
 * `liebian simulate`: runs the forecast with a progress bar on stderr, prints the bands, and writes the HTML report
 * with its chart to `--out` when given. Exit 2 for a bad option (the message names it), 1 for a kind it cannot run.
 *
 * @example
 * process.exitCode = await simulateCommand(campaign, { seeds: '100', … }, io);
 */
export async function simulateCommand(
  campaign: AnyCampaign,
  values: Readonly<Record<string, unknown>>,
  io: Io,
): Promise<number> {
  try {
    const result = await simulateCampaign(campaign, simulationOptions(values), (done, runs) => {
      const filled = Math.round((20 * done) / runs);
      io.err(`[${'#'.repeat(filled)}${' '.repeat(20 - filled)}] ${done}/${runs} runs`);
    });
    for (const line of simulationLines(result)) io.out(line);
    if (typeof values.out === 'string') {
      writeFileSync(values.out, simulationReportHtml(result, campaign.name));
      io.out(`wrote ${values.out}`);
    }
    return 0;
  } catch (error) {
    if (!isLiebianError(error)) throw error;
    io.err(`liebian simulate: ${error.message}`);
    return error.code === 'invalid-argument' ? 2 : 1;
  }
}
