import type { Engine } from '@liebian/core';
import { describe, expectTypeOf, it } from 'vitest';
import type { PlayedScene } from '../preview/scenes.js';
import type { createConsole } from './create-console.js';

// Checked by `npm run typecheck`: an engine typed from its campaigns (`Engine<'bargain'>`, what `createEngine`
// infers from `[defineCampaign(json, 'bargain')]`) is what h5 takes, with no cast at the call site.
describe('h5 and an engine typed from its campaigns', () => {
  it('takes Engine<K> wherever it takes an Engine', () => {
    expectTypeOf<Engine<'bargain'>>().toExtend<Parameters<typeof createConsole>[0]>();
    expectTypeOf<Engine<'bargain' | 'group-buy'>>().toExtend<PlayedScene['engine']>();
  });
});
