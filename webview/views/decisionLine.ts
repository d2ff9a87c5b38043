// Where a binary logistic regression's decision boundary w₁x + w₂y + b = 0 (σ = 0.5) crosses the
// square plotting box: two end points for a line dataset.

/** The segment of w₁x + w₂y + b = 0 inside the box, or nothing if it misses the box. */
export function decisionLine(
  w1: number,
  w2: number,
  b: number,
  box: { min: number; max: number } = { min: -5, max: 5 },
): { x: number; y: number }[] | undefined {
  const points: { x: number; y: number }[] = [];
  const { min, max } = box;
  if (w2 !== 0) {
    for (const x of [min, max]) {
      const y = -(w1 * x + b) / w2;
      if (y >= min && y <= max) points.push({ x, y });
    }
  }
  if (w1 !== 0) {
    for (const y of [min, max]) {
      const x = -(w2 * y + b) / w1;
      if (x > min && x < max) points.push({ x, y });
    }
  }
  if (points.length < 2) return undefined;
  points.sort((p, q) => p.x - q.x || p.y - q.y);
  return [points[0], points[points.length - 1]];
}
