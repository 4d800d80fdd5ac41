/** A training run's output folder: which folder a run writes into, and the lock that keeps it to one run at a time. */
package dev.retrograd.demo.runfolder;
