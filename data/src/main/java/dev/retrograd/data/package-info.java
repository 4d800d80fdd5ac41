/** Data sets: one table type, CSV reading, standardization, a stratified splitter, generated sets and the 8×8 digits. */
package dev.retrograd.data;
