/** Shared checks on a laid-out chart: every box inside the viewBox, no two texts (or a text and a bar) overlapping. */
import { expect } from 'vitest';
import { markBox, overlaps, textBox, type Scene, type TextMark } from '#/charts/scene.ts';

export function expectClean(scene: Scene, name: string): void {
  for (const m of scene.marks) {
    const b = markBox(m);
    if (!b) continue;
    const what = m.kind === 'text' ? `text "${m.text}"` : m.kind;
    expect(b.x0, `${name}: ${what} starts left of the viewBox`).toBeGreaterThanOrEqual(0);
    expect(b.x1, `${name}: ${what} ends right of the viewBox`).toBeLessThanOrEqual(scene.width);
    expect(b.y0, `${name}: ${what} starts above the viewBox`).toBeGreaterThanOrEqual(0);
    expect(b.y1, `${name}: ${what} ends below the viewBox`).toBeLessThanOrEqual(scene.height);
  }
  const texts = scene.marks.filter((m): m is TextMark => m.kind === 'text');
  texts.forEach((a, i) => {
    for (const b of texts.slice(i + 1)) {
      expect(overlaps(textBox(a), textBox(b)), `${name}: "${a.text}" overlaps "${b.text}"`).toBe(false);
    }
    for (const r of scene.marks) {
      if (r.kind !== 'rect') continue;
      expect(overlaps(textBox(a), markBox(r)!), `${name}: "${a.text}" overlaps a ${r.cls} at x=${r.x.toFixed(1)} y=${r.y.toFixed(1)}`).toBe(false);
    }
  });
}
