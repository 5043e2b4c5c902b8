/** A worker thread of the PNG pool (src/publishing/png/svg-to-png.ts): renders one image per task. */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { renderPng } from './render.ts';

// resvg's pixel buffers (about 10 MB for a 1,280-px chart) live outside the
// JavaScript heap and V8 does not count them: a worker allocates almost no
// JavaScript, so its collector would hardly ever run and the buffers of
// thousands of images would pile up (15 GB at 300 counties). A young-generation
// collection after every image (under 0.1 ms) finds the image's dead wrapper
// objects; their buffers are then freed when the worker's event loop turns,
// which is why the pool runs with `atomics: 'disabled'` (src/publishing/png/svg-to-png.ts).
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as (options: { type: 'minor' | 'major' }) => void;

/** The image, and the CPU time this thread spent drawing and encoding it (for the build's report, src/publishing/png/svg-to-png.ts). */
export default ({ svg, width }: { svg: string; width: number }) => {
  const start = process.threadCpuUsage();
  try {
    const rendered = renderPng(svg, width);
    const { user, system } = process.threadCpuUsage(start);
    return { ...rendered, cpuMs: (user + system) / 1000 };
  } finally {
    gc({ type: 'minor' });
  }
};
