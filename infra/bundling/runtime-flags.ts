/**
 * How the sender function's Node runs, shared with `npm run bench` so the memory it measures is the deployed one.
 * The sender makes ~100 KB of short-lived garbage per mail (body bytes, MIME) on a ~15 MB working set.
 * - Smaller young and old generations: V8 collects it sooner. The old space is capped at 32 MB, about 2.5 times
 *   the ~12 MB that survives a full GC (+15 B a reader): with 64 MB, V8 sometimes let it fill before a major GC,
 *   and the same 10,000-reader run peaked at 89 MB or 131 MB depending on when GC ran (28 + 3 MB of heap and
 *   buffers at an 87 MB peak, over a 49 MB process before the campaign).
 * - MALLOC_ARENA_MAX=2: glibc otherwise gives each thread its own malloc arena, and the freed buffers of a
 *   busy sender stay mapped in them. Measured for 10,000 readers: peak RSS 139 MB → 94 MB.
 */
export const senderNodeFlags = ['--max-semi-space-size=4', '--max-old-space-size=32'];
export const senderEnvironment = { MALLOC_ARENA_MAX: '2' };
