/** @mapbox/geojson-rewind ships no types. It rewinds in place and returns its argument. */
declare module '@mapbox/geojson-rewind' {
  /** `clockwise` true: exterior rings clockwise (d3-geo's convention); false: RFC 7946. */
  export default function rewind<T extends GeoJSON.GeoJSON>(geojson: T, clockwise?: boolean): T;
}
