/**
 * Scratch for handing a partly done draw from a bulk sampler's in-line loop to the function that finishes
 * it ({@link resumeMarsagliaTsang}, {@link resumePoisson}), and the result back. Passing doubles through a
 * Float64Array rather than as arguments and return values keeps V8 from allocating a heap number for each
 * (the rare steps are about one draw in ten, so the allocations would otherwise trigger frequent garbage
 * collections). Written and read synchronously by one call at a time; holds nothing between calls.
 * @internal
 */
export const PENDING = /* @__PURE__ */ /* @__PURE__ */ (() => new Float64Array(8))();
