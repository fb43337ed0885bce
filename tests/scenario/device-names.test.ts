/** The device names cx-shop validates against without loading Playwright are the installed Playwright's. */
import { devices } from 'playwright';
import { describe, expect, it } from 'vitest';
import { DEVICE_NAMES, isDeviceName } from '../../src/scenario/device-names.js';

describe('device names', () => {
  it("are Playwright's own, in its order (after a Playwright upgrade, write src/scenario/device-names.ts again from Object.keys(devices))", () => {
    expect(DEVICE_NAMES).toEqual(Object.keys(devices));
    expect(isDeviceName('Pixel 7')).toBe(true);
    expect(isDeviceName('Pixel 77')).toBe(false);
  });
});
