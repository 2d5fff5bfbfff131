/** A step of 1, 2 or 5 times a power of ten giving about `target` steps over `span` (never under `min`). */
export function niceStep(span: number, target: number, min = 0): number {
  const raw = Math.max(span / target, min);
  const power = 10 ** Math.floor(Math.log10(raw));
  const nice = [1, 2, 5, 10].map((m) => m * power).find((step) => step >= raw * 0.999)!;
  return Math.max(nice, min);
}
