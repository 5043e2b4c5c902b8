/**
 * When this build ran, one value for every page of one build. SOURCE_DATE_EPOCH
 * (seconds, the reproducible-builds.org convention) pins it, so two builds of
 * the same content can be compared byte for byte.
 */
const epoch = process.env.SOURCE_DATE_EPOCH;
const started = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();

export const buildTime = (): Date => new Date(started);
/** "2026-11-30": the date a citation says the page was accessed. */
export const buildDate = (): string => started.toISOString().slice(0, 10);
