/** PNG charts of training runs (loss curves, per-layer gradients, decision boundaries), drawn headless with JFreeChart from plain numbers. */
package dev.retrograd.demo.plot;
