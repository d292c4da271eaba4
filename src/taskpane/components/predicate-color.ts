export type Tone = "success" | "warning" | "danger" | "informative";

/** The colour of a predicate, by its band's place on the scale: the two best green, the middle yellow, the rest red. */
export function predicateTone(
  label: string | null,
  bands: { label: string; min: number | null }[]
): Tone {
  const ranked = [...bands].sort((a, b) => (b.min ?? -Infinity) - (a.min ?? -Infinity));
  const rank = ranked.findIndex((b) => b.label === label);
  if (rank < 0) return "informative";
  if (rank <= 1) return "success";
  if (rank === 2) return "warning";
  return "danger";
}
