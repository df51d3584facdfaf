export type { Interval } from './interval';
export { InputError, type InputIssue } from './InputError';
export type { AgeBand } from './ageBand';
