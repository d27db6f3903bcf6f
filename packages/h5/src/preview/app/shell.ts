/// <reference types="vite/client" />
import state from 'virtual:liebian-preview-state';
import { PREVIEW_ROLES, PREVIEW_SIZES, type PreviewRole, SCENES } from '../scenes.js';

interface PreviewState {
  readonly file: string;
  readonly campaign: { name?: string } | null;
  readonly error: string | null;
}

const frames = document.getElementById('frames') as HTMLElement;
const problems = document.getElementById('problems') as HTMLElement;
let current = state as PreviewState;
let role: PreviewRole = 'friend';
let size = 'all';
let generation = 0;

function radios(
  container: string,
  name: string,
  options: readonly { value: string; label: string }[],
  checked: string,
  onPick: (v: string) => void,
) {
  const box = document.getElementById(container) as HTMLElement;
  for (const option of options) {
    const label = document.createElement('label');
    const input = Object.assign(document.createElement('input'), {
      type: 'radio',
      name,
      value: option.value,
      checked: option.value === checked,
    });
    input.addEventListener('change', () => onPick(option.value));
    label.append(input, option.label);
    box.append(label);
  }
}

/** One row per phone size, one frame per state; each frame runs the real engine in the browser. */
function render() {
  generation += 1;
  problems.hidden = current.error === null;
  problems.textContent = current.error ?? '';
  document.title = `${current.campaign?.name ?? 'campaign'} · Liebian preview`;
  (document.getElementById('title') as HTMLElement).textContent = current.campaign?.name ?? current.file;
  if (current.campaign === null) {
    frames.replaceChildren();
    return;
  }
  const sizes = PREVIEW_SIZES.filter((s) => size === 'all' || s.id === size);
  frames.replaceChildren(
    ...sizes.map((s) => {
      const row = document.createElement('section');
      row.className = 'row';
      row.setAttribute('aria-label', `${s.width}×${s.height}`);
      for (const scene of SCENES) {
        const figure = document.createElement('figure');
        const caption = document.createElement('figcaption');
        caption.textContent = `${scene.label['zh-CN']} · ${s.width}×${s.height}`;
        const frame = document.createElement('iframe');
        frame.title = `${scene.label['zh-CN']}（${role}）`;
        frame.width = String(s.width);
        frame.height = String(s.height);
        frame.dataset.scene = scene.id;
        frame.src = `./frame.html?scene=${scene.id}&role=${role}&v=${generation}`;
        figure.append(caption, frame);
        row.append(figure);
      }
      return row;
    }),
  );
}

radios(
  'roles',
  'role',
  PREVIEW_ROLES.map((r) => ({ value: r.id, label: r.label['zh-CN'] })),
  role,
  (v) => {
    role = v as PreviewRole;
    render();
  },
);
radios(
  'sizes',
  'size',
  [
    { value: 'all', label: '全部' },
    ...PREVIEW_SIZES.map((s) => ({ value: s.id, label: `${s.width}×${s.height}` })),
  ],
  size,
  (v) => {
    size = v;
    render();
  },
);
render();

// The file changed: show its problems, and re-render only when it is valid (the last good render stays).
import.meta.hot?.on('liebian:preview-state', (next: PreviewState) => {
  const valid = next.error === null;
  current = next;
  if (valid) render();
  else {
    problems.hidden = false;
    problems.textContent = next.error;
  }
});
