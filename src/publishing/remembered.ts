/**
 * A memo for small results worked out from a graphic's drawing (its size at
 * the embed width, its PNG's height): per object, then per string key. Every
 * page that offers a graphic's embed code or image asks for them, and each
 * answer otherwise draws the graphic again (8 s of the 29 s of page rendering
 * in a cold 100-county build). Held weakly by the object, so the graphics made anew when data
 * changes in the dev server (src/authoring/live.ts) never find an old answer.
 * Not for markup: kept for every graphic, SVG would hold hundreds of MB at
 * 2,800 counties (src/charts/render.ts keeps a few recent layouts instead).
 */
export function rememberedPer<Owner extends object, T>(): (owner: Owner, key: string, compute: () => T) => T {
  const answers = new WeakMap<Owner, Map<string, T>>();
  return (owner, key, compute) => {
    let byKey = answers.get(owner);
    if (!byKey) answers.set(owner, (byKey = new Map()));
    let answer = byKey.get(key);
    if (answer === undefined) byKey.set(key, (answer = compute()));
    return answer;
  };
}
