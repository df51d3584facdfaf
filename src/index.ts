/**
 * darkfigure: estimate the hidden incidence (the "dark figure") of under-reported crime,
 * with honest confidence intervals.
 *
 * @packageDocumentation
 */
export type { Interval } from './core/interval';
export { InputError, type InputIssue } from './core/InputError';
