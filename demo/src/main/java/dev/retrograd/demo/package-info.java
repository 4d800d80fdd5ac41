/** The retrograd command-line program: demo training runs and the benchmark. */
package dev.retrograd.demo;
