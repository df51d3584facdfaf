import type { FunnelMethod, FunnelType } from './types';

/**
 * Everything the control-limit kernels need about one funnel: its type and target, how limits are formed
 * (`'exact'` or `'wilson'` without adjustment; normal limits inflated by `phi` or widened by `tau2` with an
 * overdispersion adjustment), and `per` for rates.
 * @internal
 */
export interface LimitScale {
  type: FunnelType;
  method: FunnelMethod;
  /** Target on the value scale: a proportion, a rate per `per`, or a ratio. */
  target: number;
  /** Rate multiplier (rates only; 1 otherwise). */
  per: number;
  /** `'none'`: exact or Wilson limits; otherwise normal limits with variance phi·s² (multiplicative) or s² + tau2 (additive). */
  adjustment: 'none' | 'multiplicative' | 'additive';
  /** Multiplicative overdispersion factor actually applied (>= 1). */
  phi: number;
  /** Additive between-area variance on the z-score scale (proportion, rate per `per`, or square root of the ratio). */
  tau2: number;
}
