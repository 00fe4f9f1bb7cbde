/**
 * How the sender function's Node runs, shared with `npm run bench` so the memory it measures is the deployed one.
 * The sender makes ~100 KB of short-lived garbage per mail (body bytes, MIME) on a ~15 MB working set.
 * - Smaller young and old generations: V8 collects it sooner, with old space still four times the working set
 *   (~12 MB survives a full GC, +15–40 B a reader).
 * - MALLOC_ARENA_MAX=2: glibc otherwise gives each thread its own malloc arena, and the freed buffers of a
 *   busy sender stay mapped in them.
 */
export const senderNodeFlags = ['--max-semi-space-size=4', '--max-old-space-size=64'];
export const senderEnvironment = { MALLOC_ARENA_MAX: '2' };
