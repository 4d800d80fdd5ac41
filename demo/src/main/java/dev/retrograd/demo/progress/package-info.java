/** Training progress on standard error: a live progress bar on a terminal, a few plain lines elsewhere, or nothing. */
package dev.retrograd.demo.progress;
