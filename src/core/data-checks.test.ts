import { describe, expect, it } from 'vitest';
import { unusualValue } from './data-checks.ts';

describe('unusualValue', () => {
  it.each<[string, number, number[], number | undefined, string | null]>([
    // Too little to go on
    ['no history', 5, [], undefined, null],
    ['not a number', Number.NaN, [1, 2, 3, 4], undefined, null],
    // Against the last figure alone (fewer than 4 previous)
    ['a rise of more than half', 52.1, [30.2], 1, '52.1 is more than half as much again as last period’s 30.2'],
    ['a rise of exactly half', 45, [30], undefined, null],
    ['a fall of more than half', 14.9, [30], 1, '14.9 is less than half last period’s 30.0'],
    ['a fall of exactly half', 15, [30], undefined, null],
    ['a change of 42% with 3 previous', 17, [10, 11, 12], undefined, null],
    ['a fall below zero', -3, [10], undefined, '-3 is less than half last period’s 10'],
    ['after a zero, no proportion to judge', 50, [0], undefined, null],
    ['a negative figure moving by more than half', -2, [-10], undefined, '-2 differs from last period’s -10 by more than half'],
    ['a negative figure moving by less than half', -14, [-10], undefined, null],
    ['thousands grouped', 1501, [1000], undefined, '1,501 is more than half as much again as last period’s 1,000'],
    ['a rise of exactly half, in thousands', 1500, [1000], undefined, null],
    // Against the recent range (4 or more previous)
    ['well below the recent range', 9, [35, 40, 31, 44.2, 38], 1, '9.0 is well below the recent range (31.0 to 44.2)'],
    ['well below, written as entered', 9, [35, 40, 31, 44.2, 38], undefined, '9 is well below the recent range (31 to 44.2)'],
    ['well above the recent range', 17, [10, 11, 12, 12], undefined, '17 is well above the recent range (10 to 12)'],
    ['on the widened edge of the range', 25, [10, 20, 10, 20], undefined, null],
    ['only the last 8 count', 30, [100, 10, 11, 12, 13, 14, 15, 16, 17], undefined, '30 is well above the recent range (10 to 17)'],
    ['negative figures below their range', -30, [-10, -12, -11, -9], undefined, '-30 is well below the recent range (-12 to -9)'],
    ['in the range but half the last', 15, [10, 40, 10, 40], undefined, '15 is less than half last period’s 40'],
    ['in the range and near the last', 30, [10, 40, 10, 40], undefined, null],
    // Constant history: widened by a tenth of the figure, at least 1
    ['constant, a tenth above', 22, [20, 20, 20, 20], undefined, null],
    ['constant, more than a tenth above', 22.5, [20, 20, 20, 20], undefined, '22.5 is well above the recent figures (all 20)'],
    ['constant small count, one more', 6, [5, 5, 5, 5], undefined, null],
    ['constant small count, two more', 7, [5, 5, 5, 5], undefined, '7 is well above the recent figures (all 5)'],
    ['zeros, then one', 1, [0, 0, 0, 0], undefined, null],
    ['zeros, then fifty', 50, [0, 0, 0, 0], undefined, '50 is well above the recent figures (all 0)'],
    ['zeros, then zero', 0, [0, 0, 0, 0], undefined, null],
    // Decimals and gaps
    ['rounded to the decimals given', 52.14, [30.2], 0, '52 is more than half as much again as last period’s 30'],
    ['non-numbers in the history skipped', 52.1, [Number.NaN, 30.2], 1, '52.1 is more than half as much again as last period’s 30.2'],
  ])('%s: %d after %j', (_, value, history, decimals, reason) => {
    expect(unusualValue(value, history, decimals)).toEqual(reason === null ? null : { reason });
  });
});
