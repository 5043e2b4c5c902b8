/** A worker thread of the PNG pool (src/png.ts): renders one image per task. */
import { renderPng } from './png-render.ts';

export default ({ svg, width }: { svg: string; width: number }) => renderPng(svg, width);
