import { availableParallelism } from 'node:os';

/**
 * How many pages a browser sweep keeps busy at once (tabs in one Chromium, or concurrent tests in
 * one file). Most of a page visit is waiting (network, the renderer, axe's timers), so one more than
 * there are cores keeps every core of the test machine busy; more only adds memory and contention.
 */
export const TABS = Math.min(4, availableParallelism() + 1);
