/**
 * Geometry for synthetic counties. Filled in once the map's data format
 * (src/geo/**, data/geo/**) settles; until then synthetic counties have none.
 */
export interface GeometryPlan {
  template: { code: string; slug: string };
  county: { code: string; slug: string };
  area: { code: string; name: string; provinceCode: string };
}

export function cloneGeometry(_root: string, _dir: string, _plans: GeometryPlan[]): void {}
