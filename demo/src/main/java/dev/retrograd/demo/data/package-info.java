/** Data sets for the demo runs, generated from a seed. */
package dev.retrograd.demo.data;
