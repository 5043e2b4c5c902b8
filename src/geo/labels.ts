/**
 * Where a county's label goes beside its marker: right, left, above or
 * below, whichever is the first not to collide with labels already placed,
 * with markers or with the edge of the map, and to be nearer its own marker
 * than any other. Greedy and deterministic, which is enough for a handful of
 * counties.
 */
export type LabelSide = 'right' | 'left' | 'above' | 'below' | 'above-right' | 'below-right' | 'above-left' | 'below-left';
/** In order of preference: level with the marker first, then above or below it, then diagonally. */
export const LABEL_SIDES: readonly LabelSide[] = ['right', 'left', 'above', 'below', 'above-right', 'below-right', 'above-left', 'below-left'];

export interface LabelRequest {
  x: number;
  y: number;
  /** Estimated label size in the map's units. */
  width: number;
  height: number;
  /** Radius of what the label stands beside (a marker, a county); 5 by default. */
  radius?: number;
}

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Gap between the edge of a marker and its label. */
export const LABEL_GAP = 3;

export function labelBox({ x, y, width, height, radius = 5 }: LabelRequest, side: LabelSide): Box {
  const gap = radius + LABEL_GAP;
  // Diagonal labels start level with the marker's edge, clear of it above or below.
  const diagonal = radius * Math.SQRT1_2;
  switch (side) {
    case 'right':
      return { x0: x + gap, y0: y - height / 2, x1: x + gap + width, y1: y + height / 2 };
    case 'left':
      return { x0: x - gap - width, y0: y - height / 2, x1: x - gap, y1: y + height / 2 };
    case 'above':
      return { x0: x - width / 2, y0: y - gap - height, x1: x + width / 2, y1: y - gap };
    case 'below':
      return { x0: x - width / 2, y0: y + gap, x1: x + width / 2, y1: y + gap + height };
    case 'above-right':
      return { x0: x + diagonal, y0: y - diagonal - LABEL_GAP - height, x1: x + diagonal + width, y1: y - diagonal - LABEL_GAP };
    case 'below-right':
      return { x0: x + diagonal, y0: y + diagonal + LABEL_GAP, x1: x + diagonal + width, y1: y + diagonal + LABEL_GAP + height };
    case 'above-left':
      return { x0: x - diagonal - width, y0: y - diagonal - LABEL_GAP - height, x1: x - diagonal, y1: y - diagonal - LABEL_GAP };
    case 'below-left':
      return { x0: x - diagonal - width, y0: y + diagonal + LABEL_GAP, x1: x - diagonal, y1: y + diagonal + LABEL_GAP + height };
  }
}

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
const inside = (a: Box, frame: Box) => a.x0 >= frame.x0 && a.x1 <= frame.x1 && a.y0 >= frame.y0 && a.y1 <= frame.y1;

export interface Placement {
  side: LabelSide;
  /** False when no side was free and nearest its own marker: the label collides, or could be read as a neighbour's. */
  clear: boolean;
}

/** From the nearest point of a box to a marker's centre. */
const distanceTo = (box: Box, { x, y }: { x: number; y: number }) => Math.hypot(Math.max(box.x0 - x, 0, x - box.x1), Math.max(box.y0 - y, 0, y - box.y1));

/**
 * A side for each request, in the order given; `avoid` holds areas no label may cover (an inset, say).
 * A side is clear when its label covers nothing and no other marker is as near it as its own, so a
 * reader never takes one county's name for its neighbour's (平顺 beside 巨鹿's dot, say). A label with no
 * clear side gets the first side nearest its own marker, or failing that the first inside the frame.
 */
export function placeLabels(requests: LabelRequest[], frame: Box, avoid: Box[] = []): Placement[] {
  const taken: Box[] = [...avoid, ...requests.map(({ x, y, radius = 5 }) => ({ x0: x - radius, y0: y - radius, x1: x + radius, y1: y + radius }))];
  return requests.map((request) => {
    const belongs = (box: Box) => requests.every((other) => other === request || distanceTo(box, other) > distanceTo(box, request));
    const free = (box: Box) => inside(box, frame) && !taken.some((t) => overlaps(box, t));
    const clear = LABEL_SIDES.find((side) => free(labelBox(request, side)) && belongs(labelBox(request, side)));
    const side =
      clear ??
      LABEL_SIDES.find((s) => inside(labelBox(request, s), frame) && belongs(labelBox(request, s))) ??
      LABEL_SIDES.find((s) => inside(labelBox(request, s), frame)) ??
      'right';
    taken.push(labelBox(request, side));
    return { side, clear: clear !== undefined };
  });
}
