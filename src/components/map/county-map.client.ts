/**
 * Browser side of <CountyMap>: turns the static SVG into a Leaflet map with
 * pan and zoom, drawn from the site's own geometry (/geo/national.topo.json).
 * Loaded with a dynamic import, so pages without a map never fetch Leaflet.
 *
 * Counties are real links (<a> inside the markers), so they are reachable by
 * Tab and open with Enter. The page keeps scrolling: the wheel does not zoom,
 * and on touch screens one finger scrolls the page while two fingers zoom.
 * If anything fails, the static SVG stays: it is a complete map on its own.
 */
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { FeatureCollection } from 'geojson';
import { LABEL_SIDES, placeLabels, type Box } from '#/geo/labels.ts';
import { esc } from '#/svg/markup.ts';
import { MAP_LIGHT } from '#/svg/palette.ts';

export interface CountyMapData {
  geometryUrl: string;
  markers: { code: string; label: string; href?: string; lngLat: [number, number]; side: string }[];
  tiles: { url: string; attribution: string } | null;
  zoomIn: string;
  zoomOut: string;
  /** Accessible name of the map's focusable container. */
  label: string;
}

/** Mainland, Hainan and Taiwan: the first view. The South China Sea islands are in the inset. */
const FIRST_VIEW: L.LatLngBoundsExpression = [
  [17.9, 73.5],
  [53.6, 135.1],
];
/** Colours as in the static SVG; the class names let the page restyle them (dark mode). */
const STYLE = {
  land: { className: 'land', color: MAP_LIGHT.border, weight: 0.8, fillColor: MAP_LIGHT.land, fillOpacity: 1 },
  seaLine: { className: 'sea-line', color: MAP_LIGHT.seaLine, weight: 1.5 },
  county: { className: 'county-shape', color: MAP_LIGHT.county, weight: 1, fillColor: MAP_LIGHT.county, fillOpacity: 0.85 },
};

export async function enhance(root: HTMLElement): Promise<void> {
  const data = JSON.parse(root.dataset.map!) as CountyMapData;
  const response = await fetch(data.geometryUrl);
  if (!response.ok) throw new Error(`${data.geometryUrl}: ${response.status}`);
  const topology = (await response.json()) as Topology;

  // Swap the static map out before Leaflet measures its container; swap it back on failure.
  const container = document.createElement('div');
  container.className = 'county-map__leaflet';
  container.setAttribute('role', 'region');
  container.setAttribute('aria-label', data.label);
  // Take exactly the static map's height, so the swap moves nothing on the page (CLS 0).
  const staticHeight = root.querySelector('.county-map__static')?.getBoundingClientRect().height;
  if (staticHeight) container.style.height = `${Math.round(staticHeight)}px`;
  root.querySelector('.county-map__canvas')!.append(container);
  root.classList.add('county-map--interactive');
  try {
    draw(container, topology, data, root.querySelector<SVGGElement>('.county-map__static g.inset'));
  } catch (error) {
    container.remove();
    root.classList.remove('county-map--interactive');
    throw error;
  }
}

function draw(container: HTMLElement, topology: Topology, data: CountyMapData, inset: SVGGElement | null): void {
  const layer = (name: string) => feature(topology, topology.objects[name] as GeometryCollection) as FeatureCollection;
  const coarse = window.matchMedia('(pointer: coarse)').matches;
  const map = L.map(container, {
    zoomSnap: 0.25,
    minZoom: 2,
    maxZoom: 9,
    maxBounds: [
      [-5, 55],
      [62, 150],
    ],
    scrollWheelZoom: false,
    // One finger scrolls the page on touch screens; two fingers still zoom and move.
    dragging: !coarse,
    attributionControl: false,
    zoomControl: false,
  });
  map.fitBounds(FIRST_VIEW); // first, so that layers added below are drawn at once
  L.control.zoom({ zoomInTitle: data.zoomIn, zoomOutTitle: data.zoomOut, position: 'topleft' }).addTo(map);
  // The boundaries' credit is in the figure's caption; tiles, if any, bring their own.
  if (data.tiles) {
    L.control.attribution({ prefix: false }).addTo(map);
    L.tileLayer(data.tiles.url, { attribution: esc(data.tiles.attribution) }).addTo(map);
  }

  L.geoJSON(layer('provinces'), { style: STYLE.land, interactive: false }).addTo(map);
  L.geoJSON(layer('boundaries'), { style: STYLE.seaLine, interactive: false }).addTo(map);
  const hrefs = new Map(data.markers.map((m) => [m.code, m.href]));
  L.geoJSON(layer('counties'), {
    style: STYLE.county,
    onEachFeature: (f, shape) => {
      const href = hrefs.get(String(f.id));
      if (href) shape.on('click', () => window.location.assign(href));
    },
  }).addTo(map);

  const pins = data.markers.map((m) => {
    const text = `<span class="county-pin__dot"></span><span class="county-pin__label">${esc(m.label)}</span>`;
    const html = m.href ? `<a href="${esc(m.href)}" data-code="${m.code}">${text}</a>` : `<span data-code="${m.code}">${text}</span>`;
    const marker = L.marker([m.lngLat[1], m.lngLat[0]], {
      icon: L.divIcon({ className: `county-pin county-pin--${m.side}`, html, iconSize: undefined }),
      keyboard: false,
      interactive: false,
    }).addTo(map);
    return { marker, element: marker.getElement()! };
  });

  // The static map's South China Sea inset, reused in a corner: the map's first view stops at Hainan.
  if (inset) {
    const Inset = L.Control.extend({
      onAdd: () => {
        const box = L.DomUtil.create('div', 'county-map__inset-control');
        const frame = inset.querySelector('rect')!;
        const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
        svg.setAttribute('viewBox', ['x', 'y', 'width', 'height'].map((a) => frame.getAttribute(a)).join(' '));
        svg.setAttribute('role', 'img');
        svg.setAttribute('aria-label', inset.getAttribute('aria-label') ?? '');
        svg.setAttribute('font-family', inset.closest('svg')!.getAttribute('font-family') ?? '');
        svg.append(inset.cloneNode(true));
        box.append(svg);
        return box;
      },
    });
    new Inset({ position: 'bottomright' }).addTo(map);
  }

  const relabel = () => layoutLabels(map, pins);
  map.on('zoomend moveend resize', relabel);
  relabel();
}

/** The dot's radius: the CSS places labels where labelBox() puts them for it. */
const PIN_RADIUS = 5;

/**
 * Places every label beside its dot where it collides with nothing, at the
 * current zoom; a label with no free side is shown only when its county is
 * hovered or focused (it stays in the link for screen readers).
 */
function layoutLabels(map: L.Map, pins: { marker: L.Marker; element: HTMLElement }[]): void {
  const { x: width, y: height } = map.getSize();
  const rect = map.getContainer().getBoundingClientRect();
  const avoid: Box[] = [...map.getContainer().querySelectorAll('.leaflet-control')].map((control) => {
    const r = control.getBoundingClientRect();
    return { x0: r.left - rect.left, y0: r.top - rect.top, x1: r.right - rect.left, y1: r.bottom - rect.top };
  });
  for (const pin of pins) pin.element.classList.remove('county-pin--quiet');
  const requests = pins.map(({ marker, element }) => {
    const { x, y } = map.latLngToContainerPoint(marker.getLatLng());
    const label = element.querySelector('.county-pin__label')!.getBoundingClientRect();
    return { x, y, width: label.width, height: label.height, radius: PIN_RADIUS };
  });
  placeLabels(requests, { x0: 0, y0: 0, x1: width, y1: height }, avoid).forEach(({ side, clear }, i) => {
    const { element } = pins[i];
    element.classList.remove(...LABEL_SIDES.map((s) => `county-pin--${s}`));
    element.classList.add(`county-pin--${side}`);
    element.classList.toggle('county-pin--quiet', !clear);
  });
}
