/**
 * The fuzz suite (`npm run test:fuzz`): hostile and damaged inputs against the engine, time-boxed by FUZZ_SECONDS
 * with a fixed seed by default (see support/config.ts). Its files end in .fuzz.ts, so the unit test run never
 * picks them up. Files run one after another: the reading pool of each already takes two cores.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/fuzz/**/*.fuzz.ts'],
    globalSetup: ['test/fuzz/global-setup.ts'],
    testTimeout: 600_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
