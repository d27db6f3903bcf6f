import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPgliteStore } from '@liebian/adapters/pglite';
import { createEngine, defineCampaign } from '@liebian/core';
import { foldPageEvent } from '@liebian/core/analytics';
import { createManualClock } from '@liebian/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli.js';

const sample = fileURLToPath(new URL('../../../examples/campaigns/bargain.json', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'liebian-report-'));

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, output: out.join('\n'), errors: err.join('\n') };
}

// alice launches from the page; bob (new, via moments) and carol (via group) help on 2026-12-02; dave (new, via
// moments) helps on 2026-12-03. Before helping, bob opened the moments link and viewed it (page events, anonymous).
beforeAll(async () => {
  const store = await createPgliteStore({ dataDir: dir });
  const clock = createManualClock(Date.parse('2026-12-02T10:00:00+08:00'));
  const campaign = defineCampaign(JSON.parse(readFileSync(sample, 'utf8')));
  const engine = createEngine({ campaigns: [campaign], store, clock, recordEvents: true });
  const { instanceId } = await engine.start(campaign.id, { actor: { id: 'alice' } });
  const help = (eventId: string, actor: { id: string; newUser?: boolean }, channel: string) =>
    engine.send(instanceId, { type: 'bargain.help', eventId }, { actor, channel });
  for (const type of ['invite-open', 'page-view'] as const)
    await foldPageEvent(store, campaign, {
      type,
      id: type,
      campaignId: campaign.id,
      instanceId,
      channel: 'moments',
      section: null,
      visitorId: 'anon:bob-phone-1',
      friend: true,
      at: clock.now(),
    });
  await help('h1', { id: 'bob', newUser: true }, 'moments');
  await help('h2', { id: 'carol' }, 'group');
  clock.advance(15 * 3_600_000); // 01:00 the next day, inside the 24-hour limit
  await help('h3', { id: 'dave', newUser: true }, 'moments');
  await engine.dispose();
  await store.dispose();
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('liebian report and export', () => {
  it('reports by channel as CSV, counted from the store', async () => {
    const result = await run('report', sample, '--store', dir, '--by', 'channel', '--format', 'csv');
    expect(result).toMatchObject({ code: 0, errors: '' });
    const rows = result.output.trim().split('\r\n');
    expect(rows[0]).toBe(
      'channel,participants,launches,friends,friend_actions,new_users,visitors,daily_visitors,page_views,invite_opens,friends_opened',
    );
    expect(rows.slice(1).sort()).toEqual([
      ',1,1,0,0,0,0,0,0,0,0',
      'group,0,0,1,1,0,0,0,0,0,0',
      'moments,0,0,2,2,2,1,1,1,1,1',
    ]);
  });

  it('reports a range of days as JSON and a table in the mechanic’s own steps', async () => {
    const json = await run('report', sample, '--store', dir, '--from', '2026-12-03', '--format', 'json');
    expect(json.code).toBe(0);
    const report = JSON.parse(json.output);
    expect(report.days.map((d: { day: string; friends: number }) => [d.day, d.friends])).toEqual([
      ['2026-12-03', 1],
    ]);
    expect(report.generations[0]).toMatchObject({ generation: 0, participants: 1, friendsBrought: 3 });
    const table = await run('report', sample, '--store', dir);
    expect(table.output).toContain('帮砍');
    expect(table.output).not.toContain('未采集'); // bob's page events measure the page steps
    // Day two has no page event: its page steps are not measured (never 0).
    expect(report.funnel.generic.map((step: { count: number | null }) => step.count)).toEqual([
      null,
      0,
      null,
      null,
      1,
      1,
      0,
    ]);
    expect((await run('report', sample, '--store', dir, '--from', '2026-12-03')).output).toContain('未采集');
    expect(table.output).toMatch(/2026-12-02\s+1\s+1\s+2\s+2\s+1/);
  });

  it('exports the event log as one JSON object per line', async () => {
    const result = await run('export', sample, '--store', dir);
    expect(result.code).toBe(0);
    const lines = result.output.split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.type)).toEqual([
      'bargain.started',
      'event.applied',
      'event.applied',
      'event.applied',
      'event.applied',
    ]);
    expect(lines[2]).toMatchObject({
      v: 1,
      actorId: 'bob',
      payload: { event: 'bargain.help', channel: 'moments' },
    });
  });

  it('refuses a wrong command line with exit code 2', async () => {
    expect((await run('report', sample)).errors).toContain('report needs --store');
    expect((await run('report', sample, '--store', dir, '--by', 'week')).code).toBe(2);
    expect((await run('report', sample, '--store', dir, '--from', '12/01')).errors).toContain(
      '--from 12/01: use a calendar day YYYY-MM-DD',
    );
    expect(
      (await run('report', sample, '--store', dir, '--from', '2026-12-05', '--to', '2026-12-01')).code,
    ).toBe(2);
  });
});
