/**
 * The two Teams app icons, drawn in code: a 192×192 colour icon (white compass needle on the accent colour)
 * and a 32×32 outline icon (white on transparent, as Teams requires).
 */
import { encodePng } from './png.ts';

type Rgba = readonly [number, number, number, number];

/** Accent colour of the app (also `accentColor` in the manifest). */
export const accent: Rgba = [0x1f, 0x5c, 0x99, 0xff];
const white: Rgba = [0xff, 0xff, 0xff, 0xff];
const clear: Rgba = [0, 0, 0, 0];

/** Whether (x, y) in unit coordinates (-1..1) lies on the compass needle (a rhombus). */
function onNeedle(x: number, y: number): boolean {
  return Math.abs(x) / 0.28 + Math.abs(y) / 0.78 <= 1;
}

/** Whether (x, y) lies on the ring around the needle. */
function onRing(x: number, y: number, width: number): boolean {
  const radius = Math.hypot(x, y);
  return radius <= 0.9 && radius >= 0.9 - width;
}

function draw(size: number, pixel: (x: number, y: number) => Rgba): Buffer {
  const rgba = new Uint8Array(size * size * 4);
  for (let row = 0; row < size; row += 1) {
    for (let column = 0; column < size; column += 1) {
      const x = ((column + 0.5) / size) * 2 - 1;
      const y = ((row + 0.5) / size) * 2 - 1;
      rgba.set(pixel(x, y), (row * size + column) * 4);
    }
  }
  return encodePng(size, size, rgba);
}

/** The 192×192 full-colour icon. */
export function colorIcon(): Buffer {
  return draw(192, (x, y) => (onNeedle(x, y) || onRing(x, y, 0.08) ? white : accent));
}

/** The 32×32 outline icon: white and transparent pixels only. */
export function outlineIcon(): Buffer {
  return draw(32, (x, y) => (onNeedle(x, y) || onRing(x, y, 0.14) ? white : clear));
}
