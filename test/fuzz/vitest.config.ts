/**
 * The fuzz suite (`npm run test:fuzz`): hostile and damaged inputs against the engine, time-boxed by FUZZ_SECONDS
 * with a fixed seed by default (see support/config.ts). Its files end in .fuzz.ts, so the unit test run never
 * picks them up. Files run one after another: the reading pool of each already takes two cores.
 */
import { defineConfig } from 'vitest/config';

/**
 * The run starts a new read pool (two worker threads) per batch, dozens of them; glibc gives each thread a
 * malloc arena and keeps the arenas of finished threads, so resident memory creeps up batch after batch (some
 * 450 MB over twelve batches of PDFs) without any of it being held by the engine. Two arenas keep the peak flat,
 * so that FUZZ_MAX_RSS_MB measures what reading a file takes. Set here, before the test processes start.
 */
process.env.MALLOC_ARENA_MAX ??= '2';

export default defineConfig({
  test: {
    include: ['test/fuzz/**/*.fuzz.ts'],
    globalSetup: ['test/support/temp-root.ts', 'test/fuzz/global-setup.ts'],
    testTimeout: 600_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
