/**
 * Runs before every other module of the app (main.tsx imports it first): the page's
 * Content-Security-Policy forbids eval, and zod's first parse would otherwise probe for it with
 * `new Function("")` — caught by zod, but still reported as a CSP violation. In jitless mode zod
 * skips the probe; some modules parse at import time, so this must come first.
 */
import { config } from 'zod';

config({ jitless: true });
