import type { AnyStateMachine } from 'xstate';

type GuardLike = string | { type?: string } | ((...args: never[]) => unknown) | undefined;

function guardLabel(guard: GuardLike): string | null {
  if (guard === undefined) return null;
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'function') {
    const parts = (guard as { guards?: GuardLike[] }).guards;
    const joiner = guard.name === 'or' ? ' || ' : ' && ';
    return parts ? parts.map(guardLabel).filter(Boolean).join(joiner) : guard.name || 'guard';
  }
  return guard.type ?? null;
}

/**
 * A Mermaid `stateDiagram-v2` of a flat machine, read from the machine definition itself (states, events,
 * targets, guards), so the diagrams in the docs cannot drift from the code.
 */
export function machineToMermaid(machine: AnyStateMachine): string {
  const lines = ['stateDiagram-v2'];
  const root = machine.root;
  const initial = root.initial?.target?.[0]?.key;
  if (initial) lines.push(`  [*] --> ${initial}`);
  type Transition = { target?: readonly { key: string }[] | undefined; guard?: unknown };
  const edge = (from: string, t: Transition, label: string) => {
    const guard = guardLabel(t.guard as GuardLike);
    lines.push(`  ${from} --> ${t.target?.[0]?.key ?? from} : ${label}${guard ? ` [${guard}]` : ''}`);
  };
  for (const [key, node] of Object.entries(root.states)) {
    for (const [event, transitions] of node.transitions) for (const t of transitions) edge(key, t, event);
    for (const t of node.always ?? []) edge(key, t, '(always)');
    // Events the machine handles at its root apply in every state that is not final.
    if (node.type !== 'final')
      for (const [event, transitions] of root.transitions) for (const t of transitions) edge(key, t, event);
    if (node.type === 'final') lines.push(`  ${key} --> [*]`);
  }
  return lines.join('\n');
}
