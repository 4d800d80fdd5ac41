/** Data sets for the demo runs: generated from a seed, the 8×8 digits, a user's CSV; splits and scaling. */
package dev.retrograd.demo.data;
