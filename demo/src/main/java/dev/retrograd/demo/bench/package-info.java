/** The engine benchmark: training steps eager, compiled and hand-written, and the trainer's epochs. */
package dev.retrograd.demo.bench;
