/**
 * The share poster: drawn on a canvas with the invite link as a QR code, shown as an image a person can long-press
 * to save or send (WeChat only offers that on an `<img>`). Loaded only when someone taps the poster button.
 */
import { generate } from 'lean-qr/nano';

export interface PosterContent {
  /** The campaign's hook title. */
  readonly title: string;
  /** A live line from the page, e.g. the current price; shown as it is on the page. */
  readonly highlight?: string;
  /** The link the QR code opens (a signed invite when the viewer may invite, else the page itself). */
  readonly url: string;
  readonly brandColor: string;
  /** Under the QR code, e.g. 长按识别二维码. */
  readonly caption: string;
}

const WIDTH = 750;
const HEIGHT = 1200;

/** Wraps text to lines no wider than `max` pixels (per character, so CJK wraps anywhere). */
function lines(ctx: CanvasRenderingContext2D, text: string, max: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const char of Array.from(text)) {
    if (ctx.measureText(line + char).width > max && line) {
      out.push(line);
      line = char;
    } else line += char;
  }
  if (line) out.push(line);
  return out;
}

/** Draws the poster on `canvas` (750 × 1200 pixels). */
export function drawPoster(canvas: HTMLCanvasElement, content: PosterContent): void {
  canvas.width = WIDTH;
  canvas.height = HEIGHT;
  const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
  const font =
    'system-ui, -apple-system, "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif';
  ctx.fillStyle = content.brandColor;
  ctx.fillRect(0, 0, WIDTH, HEIGHT);
  ctx.fillStyle = '#fff';
  ctx.font = `bold 60px ${font}`;
  let y = 150;
  for (const line of lines(ctx, content.title, WIDTH - 120).slice(0, 3)) {
    ctx.fillText(line, 60, y);
    y += 80;
  }
  if (content.highlight) {
    ctx.font = `bold 72px ${font}`;
    ctx.fillText(content.highlight, 60, y + 40);
  }
  // The QR card: white, with a quiet zone of four modules around the code.
  const card = { x: 135, y: 560, size: 480 };
  ctx.fillStyle = '#fff';
  ctx.fillRect(card.x, card.y, card.size, card.size + 90);
  const code = generate(content.url);
  const module = Math.floor((card.size - 40) / (code.size + 8));
  const offset = card.x + (card.size - module * code.size) / 2;
  ctx.fillStyle = '#000';
  for (let x = 0; x < code.size; x++)
    for (let yy = 0; yy < code.size; yy++)
      if (code.get(x, yy))
        ctx.fillRect(offset + x * module, card.y + 20 + module * 4 + yy * module, module, module);
  ctx.fillStyle = '#333';
  ctx.font = `32px ${font}`;
  const captionWidth = ctx.measureText(content.caption).width;
  ctx.fillText(content.caption, card.x + (card.size - captionWidth) / 2, card.y + card.size + 60);
}

/** Draws the poster and shows it in a dialog as an image to long-press; resolves when the dialog is closed. */
export function showPoster(content: PosterContent, labels: { close: string; alt: string }): Promise<void> {
  const canvas = document.createElement('canvas');
  drawPoster(canvas, content);
  const dialog = document.createElement('dialog');
  dialog.className = 'poster';
  const image = Object.assign(document.createElement('img'), {
    src: canvas.toDataURL('image/png'),
    alt: labels.alt,
  });
  image.style.cssText = 'display:block;width:100%;height:auto';
  const close = Object.assign(document.createElement('button'), {
    type: 'button',
    textContent: labels.close,
  });
  close.className = 'cta';
  dialog.append(image, close);
  document.body.append(dialog);
  dialog.showModal();
  return new Promise((resolve) => {
    const done = () => {
      dialog.remove();
      resolve();
    };
    close.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', done);
  });
}
